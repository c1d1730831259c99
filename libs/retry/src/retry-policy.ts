/** A model's retry settings (config `retry_config`). Structurally identical to the config lib's type. */
export interface RetryPolicy {
  /** Retries after the first send: up to `maxRetries + 1` sends in all. */
  maxRetries: number;
  /** Upstream statuses worth sending again, e.g. 429, 500, 502, 503, 504, 529. */
  retryStatusCodes: number[];
  backoffFactor: number;
  initialDelayMs: number;
  /** Caps the backoff and any Retry-After the upstream asks for. */
  maxDelayMs: number;
}
