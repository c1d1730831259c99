import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import type { RetryClock } from './retry-clock.js';
import { systemRetryClock } from './retry-clock.js';
import { RETRY_CLOCK } from './retry-clock.token.js';
import type { RetryPolicy } from './retry-policy.js';
import { RetryModule } from './retry.module.js';
import { RetryService } from './retry.service.js';

const policy: RetryPolicy = { maxRetries: 2, retryStatusCodes: [503], backoffFactor: 2, initialDelayMs: 100, maxDelayMs: 1000 };

function recordingClock() {
  const sleeps: number[] = [];
  const clock: RetryClock = { sleep: async (ms) => void sleeps.push(ms), random: () => 0, now: () => 0 };
  return { clock, sleeps };
}

const always503 = async () => ({ status: 503, headers: {} });

describe('RetryModule', () => {
  it('provides RetryService with the system clock by default', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [RetryModule] }).compile();
    expect(moduleRef.get(RETRY_CLOCK)).toBe(systemRetryClock);
    expect(moduleRef.get(RetryService)).toBeInstanceOf(RetryService);
    await moduleRef.close();
  });

  it('lets tests override RETRY_CLOCK, and the service uses it', async () => {
    const { clock, sleeps } = recordingClock();
    const moduleRef = await Test.createTestingModule({ imports: [RetryModule] }).overrideProvider(RETRY_CLOCK).useValue(clock).compile();
    const service = moduleRef.get(RetryService);
    const result = await service.runWithRetry(always503, { policy });
    expect(result.attempts).toBe(3);
    expect(sleeps).toEqual([100, 200]);
    expect(service.backoffDelayMs(1, policy)).toBe(200);
    await moduleRef.close();
  });

  it('lets the app swap the clock with forRoot', async () => {
    const { clock, sleeps } = recordingClock();
    const moduleRef = await Test.createTestingModule({ imports: [RetryModule.forRoot({ clock })] }).compile();
    expect(moduleRef.get(RETRY_CLOCK)).toBe(clock);
    await moduleRef.get(RetryService).runWithRetry(always503, { policy });
    expect(sleeps).toEqual([100, 200]);
    await moduleRef.close();
  });
});
