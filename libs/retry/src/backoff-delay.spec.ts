import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs } from './backoff-delay.js';
import type { RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { maxRetries: 5, retryStatusCodes: [503], backoffFactor: 2, initialDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it('is base/2 + random*base/2 with base = initial * factor^index', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(0, policy, () => 0.5)).toBe(75);
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(150);
    expect(backoffDelayMs(2, policy, () => 0.999)).toBeCloseTo(399.8);
  });

  it('caps the base at maxDelayMs, so capped delays fall in [max/2, max]', () => {
    expect(backoffDelayMs(4, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(10, policy, () => 0.5)).toBe(750);
    expect(backoffDelayMs(1000, policy, () => 0.999)).toBeCloseTo(999.5);
  });

  it('never shrinks from one retry to the next below the cap when the factor is >= 2', () => {
    const uncapped: RetryPolicy = { ...policy, maxDelayMs: Number.MAX_SAFE_INTEGER };
    for (const backoffFactor of [2, 3]) {
      for (let index = 0; index < 10; index += 1) {
        const longestNow = backoffDelayMs(index, { ...uncapped, backoffFactor }, () => 1);
        const shortestNext = backoffDelayMs(index + 1, { ...uncapped, backoffFactor }, () => 0);
        expect(shortestNext).toBeGreaterThanOrEqual(longestNow);
      }
    }
  });

  it('is constant when the factor is 1', () => {
    expect(backoffDelayMs(7, { ...policy, backoffFactor: 1 }, () => 0.5)).toBe(75);
  });
});
