import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, retryWaitMs } from './backoff-delay.js';
import type { RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { maxRetries: 5, retryStatusCodes: [503], backoffFactor: 2, initialDelayMs: 1000, maxDelayMs: 60_000 };

describe('backoffDelayMs', () => {
  it('is at least min(initial * factor^n, max): the first retry with initial_delay 1 s waits 1-1.2 s, never less', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(1000);
    expect(backoffDelayMs(0, policy, () => 0.999)).toBe(1200);
    expect(backoffDelayMs(1, policy, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(8800);
  });

  it('jitter only adds, by at most 20%', () => {
    for (let n = 0; n < 5; n += 1) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const base = 1000 * 2 ** n;
        const delay = backoffDelayMs(n, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });

  it('is capped at maxDelayMs, jitter included', () => {
    expect(backoffDelayMs(6, policy, () => 0)).toBe(60_000);
    expect(backoffDelayMs(5, { ...policy, maxDelayMs: 35_000 }, () => 0.999)).toBe(35_000); // 32 s base + 20% > 35 s
  });

  it('never shrinks from one retry to the next, whatever the factor and the random draws', () => {
    for (const backoffFactor of [1, 1.05, 1.5, 2, 3]) {
      let previous = 0;
      const draws = [0.99, 0, 0.99, 0, 0.5, 0, 0.99, 0];
      draws.forEach((r, n) => {
        const delay = backoffDelayMs(n, { ...policy, backoffFactor }, () => r, previous);
        expect(delay).toBeGreaterThanOrEqual(previous);
        expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
        previous = delay;
      });
    }
  });
});

describe('retryWaitMs', () => {
  it('lets a longer Retry-After win, capped at maxDelayMs, and never a shorter one', () => {
    expect(retryWaitMs(1000, undefined, policy)).toBe(1000);
    expect(retryWaitMs(1000, 5000, policy)).toBe(5000);
    expect(retryWaitMs(1000, 10, policy)).toBe(1000);
    expect(retryWaitMs(1000, 600_000, policy)).toBe(60_000);
  });
});
