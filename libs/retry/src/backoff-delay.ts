import type { RetryPolicy } from './retry-policy.js';

/** Jitter only ever adds, by at most this fraction of the base delay. */
export const BACKOFF_JITTER = 0.2;

/**
 * The wait before retry number `retryIndex + 1` (0 for the first retry), as the config promises:
 * `base = min(initialDelayMs * backoffFactor^retryIndex, maxDelayMs)`, then jitter that only adds, up to
 * 20% (`base * (1 + 0.2 * random())`), capped at `maxDelayMs`, and never shorter than `previousMs`, the
 * backoff delay before the previous retry (so a factor below 1.2 cannot make a later wait shorter than an
 * earlier one). With `initial_delay: 1` the first retry waits 1-1.2 s, never less.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number, previousMs = 0): number {
  const base = Math.min(policy.initialDelayMs * policy.backoffFactor ** retryIndex, policy.maxDelayMs);
  // Whole milliseconds, rounded up so that jitter never takes a wait below its base.
  const jittered = Math.min(Math.ceil(base + base * BACKOFF_JITTER * random()), policy.maxDelayMs);
  return Math.max(jittered, Math.min(previousMs, policy.maxDelayMs));
}

/**
 * The wait before a retry when the upstream may have said how long to wait: its Retry-After wins when it
 * is longer than the backoff delay, capped at `maxDelayMs`; a shorter Retry-After never shortens the backoff.
 */
export function retryWaitMs(backoffMs: number, retryAfterMs: number | undefined, policy: RetryPolicy): number {
  if (retryAfterMs === undefined) return backoffMs;
  return Math.max(backoffMs, Math.min(retryAfterMs, policy.maxDelayMs));
}
