import type { ClientFormat, HeaderMap } from '@llm-router/core';

/** The request the router sent upstream (last attempt), logged with `log_requests`. */
export interface UpstreamRequestLog {
  url: string;
  headers: HeaderMap;
  body?: unknown;
}

/**
 * Everything one request's log line says. `RequestLog.begin` creates it when the request arrives;
 * the app fills the rest as it learns it (model, provider, attempts, ...). Nothing here needs to be
 * masked by whoever sets it: the whole line is masked when it is written. Set fields that only
 * matter with log_requests / log_responses (bodies, headers) only when those are on, to keep the
 * default path cheap (`RequestLog.logRequests` / `logResponses` tell).
 */
export interface RequestRecord {
  /** The request id, also sent back as the `x-request-id` response header. */
  readonly id: string;
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly url: string;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  clientFormat?: ClientFormat;
  /** Who called: the client key's name (or JWT caller), set by the app's access layer; absent without one. */
  caller?: string;
  /** `Controller.method` that handled the request (set by LoggingInterceptor). */
  handler?: string;
  /** The model the client asked for. */
  model?: string;
  provider?: string;
  /** The model name sent upstream, when it differs. */
  upstreamModel?: string;
  upstreamUrl?: string;
  stream: boolean;
  /** Upstream attempts made (0 when none was: rejected early, echo, ...). */
  attempts: number;
  /** A routed request's sends (several deployments or fallbacks), in order: model, deployment label, result, ms. */
  routing?: RoutingAttemptLog[];
  /**
   * The status the app means to answer with. The line logs the status actually sent; this one only
   * when the connection closed before any header was sent (else 499).
   */
  status?: number;
  /** What went wrong, as a message (masked when written). */
  error?: string;
  /**
   * The error itself, set with `error` by `recordError`: the line then also logs its class, code and
   * cause chain (and the root's stack for unexpected 500s). Ignored when `error` no longer is its message
   * (someone recorded a later error as a message only).
   */
  failure?: unknown;
  /** The peer address of the client's socket, as `begin` saw it (a proxy's, behind one). */
  remoteAddress?: string;
  /** The `x-forwarded-for` header, as sent (any client can write one: logged, never trusted). */
  forwardedFor?: string;
  /** Milliseconds spent waiting for the upstream's response headers (all attempts, backoff included). */
  upstreamMs?: number;
  /** Tokens the answer reported, when the router saw them (complete answers; translated streams). */
  usage?: { inputTokens: number; outputTokens: number };
  /** Why the upstream failed, when it did: an error kind (`timeout`, `bad_gateway`...) or `http_<status>`. */
  upstreamError?: string;
  /** Milliseconds from arrival to the first byte sent to the client (`RequestLog.markFirstByte`). */
  ttfbMs?: number;
  /** Set by `begin` when logRequests is on. */
  requestHeaders?: HeaderMap;
  /** The parsed request body; set by installRequestLogging's preValidation hook when logRequests is on. */
  requestBody?: unknown;
  upstreamRequest?: UpstreamRequestLog;
  /** Headers sent to the client; read from the reply when the response ends unless the app set them. */
  responseHeaders?: HeaderMap;
  /**
   * The body sent to the client. Fastify replies (`reply.send`) are captured by the onSend hook; for
   * streams (hijacked replies) the app appends each chunk it writes (`RequestLog.appendResponseBody`).
   */
  responseBody?: string;
  /**
   * Per-request secrets masked in this request's line on top of the masker's known ones.
   * `begin` adds the client's own credentials (authorization / x-api-key / api-key values).
   */
  secrets: string[];
}

/** One send of a routed request, as the request log line lists it. */
export interface RoutingAttemptLog {
  model: string;
  /** The deployment's configured `name`, or its index: never a key or URL. */
  deployment: string;
  /** `ok`, an upstream status (`503`), or a failure class (`timeout`, `network`, `stream_error`...). */
  result: string;
  ms: number;
}
