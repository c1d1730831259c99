import type { FallbackOnEntry } from './routing-model.js';

/**
 * How one attempt ended, as the app classifies it before any content reached the client. `error` is the
 * app's own error value, handed back by the plan when it gives up.
 * - `status`: the upstream answered with an error status (not a context-length or content-policy 400).
 * - `timeout`: no response headers in time (a silent upstream).
 * - `first_token_timeout`: headers came, but no content within `first_token_timeout`.
 * - `network`: connection refused or reset, TLS failure.
 * - `stream_error`: the stream failed (cut, in-band error, malformed) before its first content.
 * - `context_length`: the prompt does not fit the model's window; resending it unchanged cannot help.
 * - `content_policy`: the provider refused the content; propagated with its reason, never retried.
 */
export type AttemptOutcome<E = unknown> =
  | { kind: 'success'; /** Send to first byte, ms: feeds the `latency` strategy. */ firstByteMs?: number }
  | { kind: 'status'; status: number; /** The upstream's Retry-After, ms. */ retryAfterMs?: number; error?: E }
  | { kind: 'timeout' | 'first_token_timeout' | 'network' | 'stream_error' | 'context_length' | 'content_policy'; error?: E };

export type FailedOutcome<E = unknown> = Exclude<AttemptOutcome<E>, { kind: 'success' }>;

/**
 * The `fallback_on` / retry class of a failure: its status, `timeout` (first-token timeouts too: both are a
 * silent upstream) or `network` (stream errors before content too: both are a broken connection); undefined
 * for context-length and content-policy errors, which have rules of their own.
 */
export function failureClass(outcome: FailedOutcome<unknown>): FallbackOnEntry | undefined {
  switch (outcome.kind) {
    case 'status':
      return outcome.status;
    case 'timeout':
    case 'first_token_timeout':
      return 'timeout';
    case 'network':
    case 'stream_error':
      return 'network';
    default:
      return undefined;
  }
}
