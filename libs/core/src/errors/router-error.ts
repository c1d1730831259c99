import { type ErrorKind, STATUS_FOR_KIND } from './error-kind.js';

export interface RouterErrorOptions {
  /** HTTP status to answer with; defaults to the kind's status. */
  status?: number;
  /** The request field at fault (OpenAI `param`), e.g. `messages[2].content[0].type`. */
  param?: string;
  /** Whether sending the same request again may succeed (network errors, 429, 5xx). */
  retryable?: boolean;
  /** How long the upstream asked us to wait before retrying (Retry-After), in ms. */
  retryAfterMs?: number;
  /** The provider that produced the error, when it came from upstream. */
  provider?: string;
  /** A short machine-readable code (OpenAI `code`), e.g. `model_not_found`. */
  code?: string;
  /**
   * What the client is shown instead of `message`, when `message` carries detail only the log may see
   * (an internal address such as `connect ECONNREFUSED 10.1.2.3:8080`, the endpoint URL). The log keeps `message`.
   */
  clientMessage?: string;
  cause?: unknown;
}

/**
 * The one error type that crosses lib boundaries. It carries decisions as fields: the exception
 * filter renders it in the client's format from `kind`/`status`/`message`/`param`, and the retry
 * lib reads `retryable`/`retryAfterMs`; nobody parses message text.
 *
 * `message` must never contain a secret: callers mask before constructing (logging masks again).
 */
export class RouterError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly param?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly provider?: string;
  readonly code?: string;
  readonly clientMessage?: string;

  constructor(kind: ErrorKind, message: string, options: RouterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RouterError';
    this.kind = kind;
    this.status = options.status ?? STATUS_FOR_KIND[kind];
    this.param = options.param;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.provider = options.provider;
    this.code = options.code;
    this.clientMessage = options.clientMessage;
  }

  static invalidRequest(message: string, param?: string): RouterError {
    return new RouterError('invalid_request', message, { param });
  }

  static isRouterError(value: unknown): value is RouterError {
    return value instanceof RouterError;
  }
}
