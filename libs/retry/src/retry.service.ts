import { Inject, Injectable } from '@nestjs/common';
import { backoffDelayMs } from './backoff-delay.js';
import type { RetryClock } from './retry-clock.js';
import { RETRY_CLOCK } from './retry-clock.token.js';
import type { RetryPolicy } from './retry-policy.js';
import { type RetryableResponse, type RetryOptions, type RetryResult, runWithRetry } from './run-with-retry.js';

/** Nest face of the pure functions, bound to the injected RETRY_CLOCK. */
@Injectable()
export class RetryService {
  constructor(@Inject(RETRY_CLOCK) private readonly clock: RetryClock) {}

  runWithRetry<R extends RetryableResponse>(send: (attempt: number) => Promise<R>, options: Omit<RetryOptions<R>, 'clock'>): Promise<RetryResult<R>> {
    return runWithRetry(send, { ...options, clock: this.clock });
  }

  backoffDelayMs(retryIndex: number, policy: RetryPolicy): number {
    return backoffDelayMs(retryIndex, policy, () => this.clock.random());
  }
}
