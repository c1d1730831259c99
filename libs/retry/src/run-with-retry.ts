import { type HeaderMap, parseRetryAfterMs, RouterError } from '@llm-router/core';
import { backoffDelayMs, retryWaitMs } from './backoff-delay.js';
import { type RetryClock, systemRetryClock } from './retry-clock.js';
import { recordAttempts } from './retry-attempts.js';
import type { RetryPolicy } from './retry-policy.js';

/** What runWithRetry needs to know of an upstream response; the caller's type carries the body. */
export interface RetryableResponse {
  status: number;
  headers: HeaderMap;
}

/** Reported before each wait. `attempt` is the send that just failed (1 for the first). */
export interface RetryInfo {
  attempt: number;
  delayMs: number;
  /** Set when a response with a retryable status is being retried. */
  status?: number;
  /** Set when a thrown retryable RouterError is being retried. */
  error?: RouterError;
}

export interface RetryOptions<R extends RetryableResponse> {
  policy: RetryPolicy;
  /** The client went away: stop waiting at once, send no more, reject with `signal.reason`. */
  signal?: AbortSignal;
  /** Called on each response that will be retried (never the returned one), to drain or destroy its body. */
  discard?: (response: R) => void;
  onRetry?: (info: RetryInfo) => void;
  /** Defaults to systemRetryClock (real timers). */
  clock?: RetryClock;
}

export interface RetryResult<R> {
  response: R;
  /** Sends made, the returned one included. */
  attempts: number;
}

/**
 * Calls `send(attempt)` (attempt 1 is the first send) until it yields a response worth returning:
 * - a response whose status is in `retryStatusCodes` is discarded and sent again while retries remain;
 *   when they are exhausted, that last response is returned, not thrown;
 * - a thrown RouterError with `retryable: true` (network error, timeout) is retried likewise and
 *   rethrown when retries are exhausted; any other error is rethrown at once.
 * Each wait is `backoffDelayMs(attempt - 1)` (never shorter than the backoff wait before it), or the
 * upstream's Retry-After (`retry-after-ms`/`retry-after` headers, or the error's `retryAfterMs`) when
 * that is longer, capped at `maxDelayMs`.
 *
 * Retrying only before the first byte reaches the client holds by construction: this returns the
 * response to the caller, who only then starts streaming it, and nothing here runs afterwards.
 * Errors are rethrown unchanged; `attemptsOf(error)` tells how many sends were made.
 * `send` should itself honour `signal`: an in-flight send is not interrupted here.
 */
export async function runWithRetry<R extends RetryableResponse>(
  send: (attempt: number) => Promise<R>,
  options: RetryOptions<R>,
): Promise<RetryResult<R>> {
  const { policy, signal, discard, onRetry } = options;
  const clock = options.clock ?? systemRetryClock;
  const retryStatuses = new Set(policy.retryStatusCodes);
  let attempts = 0;
  let backoffMs = 0;
  const nextWait = (retryAfterMs: number | undefined): number => {
    backoffMs = backoffDelayMs(attempts - 1, policy, () => clock.random(), backoffMs);
    return retryWaitMs(backoffMs, retryAfterMs, policy);
  };
  try {
    for (;;) {
      signal?.throwIfAborted();
      attempts += 1;
      const retriesLeft = attempts <= policy.maxRetries;
      let response: R;
      try {
        response = await send(attempts);
      } catch (error) {
        if (!(error instanceof RouterError) || !error.retryable || !retriesLeft) throw error;
        const delayMs = nextWait(error.retryAfterMs);
        onRetry?.({ attempt: attempts, delayMs, error });
        await sleep(clock, delayMs, signal);
        continue;
      }
      if (!retryStatuses.has(response.status) || !retriesLeft) return { response, attempts };
      const delayMs = nextWait(parseRetryAfterMs(response.headers, clock.now()));
      discard?.(response);
      onRetry?.({ attempt: attempts, delayMs, status: response.status });
      await sleep(clock, delayMs, signal);
    }
  } catch (error) {
    recordAttempts(error, attempts);
    throw error;
  }
}

/** The clock's sleep, raced against the signal so an abort ends the wait even if the clock ignores it. */
async function sleep(clock: RetryClock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return clock.sleep(ms);
  signal.throwIfAborted();
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms, signal), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
