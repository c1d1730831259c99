import { parseRetryAfterMs, RouterError, type UpstreamResponse } from '@llm-router/core';
import type { FailedOutcome } from '@llm-router/routing';
import { Readable } from 'node:stream';

/** Codes and messages by which providers say a prompt does not fit the model's context window. */
const CONTEXT_LENGTH_CODES = new Set(['context_length_exceeded', 'string_above_max_length']);
const CONTEXT_LENGTH_TEXT = /prompt is too long|context length|context window|maximum context|too many tokens/i;
/** ...and that they refused the content itself. */
const CONTENT_POLICY_CODES = new Set(['content_filter', 'content_policy_violation', 'content_policy']);
const CONTENT_POLICY_TEXT = /content (management )?polic|content filter|safety system/i;

/**
 * Why one attempt of a routed request failed before any of its content reached the client, thrown out of
 * the send or the stream hold-back to the attempt loop, which hands `outcome` to the plan. It keeps what
 * the client is answered with when the plan gives up on it: the upstream's error response (its body
 * re-readable) or the error itself.
 */
export class AttemptFailure extends Error {
  readonly outcome: FailedOutcome<AttemptFailure>;

  private constructor(
    outcome: FailedOutcome<undefined>,
    /** The router's classification (provider reason kept), or the transport's error. */
    readonly error: RouterError,
    /** An upstream error status: its response, the body buffered so it can be read again. */
    readonly response?: UpstreamResponse,
  ) {
    super(error.message);
    this.name = 'AttemptFailure';
    this.outcome = { ...outcome, error: this };
  }

  /** An upstream error status, classified by the provider's `classifyError` (`error`). */
  static status(response: UpstreamResponse, body: Buffer, error: RouterError, now = Date.now()): AttemptFailure {
    const replay = { ...response, body: Readable.from([body]) };
    if (response.status === 400 || response.status === 413 || response.status === 422) {
      if (isContextLength(error)) return new AttemptFailure({ kind: 'context_length' }, error, replay);
      if (isContentPolicy(error)) return new AttemptFailure({ kind: 'content_policy' }, error, replay);
    }
    const retryAfterMs = parseRetryAfterMs(response.headers, now);
    return new AttemptFailure({ kind: 'status', status: response.status, ...(retryAfterMs !== undefined && { retryAfterMs }) }, error, replay);
  }

  /** The send threw: no response headers in time, or no connection. */
  static thrown(error: RouterError): AttemptFailure {
    return new AttemptFailure({ kind: error.kind === 'timeout' ? 'timeout' : 'network' }, error);
  }

  /** A stream failed, or stayed silent past `first_token_timeout`, before its first content. */
  static stream(kind: 'stream_error' | 'first_token_timeout' | 'timeout', error: RouterError): AttemptFailure {
    return new AttemptFailure({ kind }, error);
  }

  /** What the request log and metrics call it: the status, or the outcome kind. */
  get label(): string {
    return this.outcome.kind === 'status' ? String(this.outcome.status) : this.outcome.kind;
  }
}

function isContextLength(error: RouterError): boolean {
  return (error.code !== undefined && CONTEXT_LENGTH_CODES.has(error.code)) || CONTEXT_LENGTH_TEXT.test(error.message);
}

function isContentPolicy(error: RouterError): boolean {
  return (error.code !== undefined && CONTENT_POLICY_CODES.has(error.code)) || CONTENT_POLICY_TEXT.test(error.message);
}
