import type { RateLimitNumbers } from './rate-limit-numbers.js';

/**
 * Why a request is refused. The app renders each in the client's API format (`accessErrorFor`):
 * 401 missing_key / invalid_key, 403 model_not_allowed, 429 rate_limited, over_budget (the family's quota
 * error), 503 store_unavailable (state store down under `on_error: fail_closed`).
 */
export type DenyReason = 'missing_key' | 'invalid_key' | 'model_not_allowed' | 'rate_limited' | 'over_budget' | 'store_unavailable';

export interface AccessDenied {
  allowed: false;
  reason: DenyReason;
  /** The HTTP status for an OpenAI-format client; `accessErrorFor` gives each family's own. */
  status: 401 | 403 | 429 | 503;
  /** Safe to show the client: names no key, no token content, no other caller. */
  message: string;
  /** For the log only (why a JWT was refused, which store operation failed): never send it to the client. */
  logDetail?: string;
  /** The caller's name when known (for logs and metrics). */
  caller?: string;
  /** Seconds until a retry can succeed (429 and over_budget), at least 1. */
  retryAfterSeconds?: number;
  /** When the budget's period ends, for over_budget (ms since the epoch). */
  resetsAt?: number;
  /** For rate_limited: which OpenAI error `type` applies (`requests` for rpm and max_parallel, `tokens` for tpm). */
  limitedBy?: 'requests' | 'tokens';
  /** The numbers behind the rate-limit headers, when any limit applied. */
  rateLimit?: RateLimitNumbers;
}
