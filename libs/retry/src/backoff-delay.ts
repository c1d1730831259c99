import type { RetryPolicy } from './retry-policy.js';

/**
 * The wait before retry number `retryIndex + 1` (0 for the first retry), with "equal jitter":
 * `base = min(initialDelayMs * backoffFactor^retryIndex, maxDelayMs)`, delay in `[base/2, base]`
 * (`base/2 + random() * base/2`). With `backoffFactor >= 2` and below the cap, the shortest possible next
 * delay (`factor * base / 2`) is at least the longest possible current one (`base`), so delays never
 * shrink; once `base` reaches `maxDelayMs` every delay falls anywhere in `[maxDelayMs/2, maxDelayMs]`.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const base = Math.min(policy.initialDelayMs * policy.backoffFactor ** retryIndex, policy.maxDelayMs);
  return base / 2 + (random() * base) / 2;
}
