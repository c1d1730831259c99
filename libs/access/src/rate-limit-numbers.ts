/** One limit as the rate-limit headers report it. */
export interface LimitState {
  limit: number;
  /** Never negative. */
  remaining: number;
  /** When the window ends and the limit is whole again (ms since the epoch). */
  resetAt: number;
}

/**
 * The numbers behind both families' rate-limit headers. Each is the most constraining of the caller's and the
 * model's limits (the one with the least remaining); absent when no such limit applies.
 */
export interface RateLimitNumbers {
  requests?: LimitState;
  tokens?: LimitState;
}
