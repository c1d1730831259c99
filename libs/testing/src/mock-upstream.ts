/** One request as the mock received it. Every request is recorded, also the ones it rejected. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/messages`. */
  path: string;
  /** Query string without the leading `?` (`beta=true`), `''` when there was none. */
  query: string;
  /** Lower-case names, one value each (repeated headers joined with `, `). */
  headers: Record<string, string>;
  /** The body parsed as JSON; `undefined` when empty or not valid JSON (see `rawBody`). */
  body: unknown;
  rawBody: string;
  /** `Date.now()` when the body had been read completely. */
  at: number;
}

/**
 * A one-shot behaviour. The queue is consumed in order, one entry per request that passed auth and
 * validation (rejected requests never consume it); once it is empty the mock answers by default.
 * Without `status`/`body`/`rawBody`/`frames` the default answer is sent, changed by the other knobs.
 */
export interface ScriptedResponse {
  /** HTTP status. A non-2xx status without `body`/`rawBody` sends the family's error body for it. */
  status?: number;
  /** Extra response headers, overriding the mock's own (e.g. `{'retry-after': '1'}`). */
  headers?: Record<string, string>;
  /** JSON body to send instead of the default (with `status`, default 200). */
  body?: unknown;
  /** Raw text body (e.g. an HTML 502 page). Content type `text/html` when it starts with `<`, else `text/plain`. */
  rawBody?: string;
  /** Raw SSE frames (`data: …\n\n`) to stream instead of the fixture, each written separately, status 200. */
  frames?: string[];
  /** Wait this long before sending the status line and headers (timeout tests). */
  delayHeadersMs?: number;
  /** Reset the connection instead of answering (after `delayHeadersMs` if set): a network error. */
  resetConnection?: boolean;
  /**
   * Send the headers and the first N frames, then send nothing more and keep the connection open until
   * the client closes it or the mock is closed. For JSON answers the body counts as one frame, so 0 sends
   * only the headers.
   */
  stallAfterFrames?: number;
  /** Answer with the family's `error.midstream.sse` (HTTP 200, a few deltas, an in-band error, no end marker). */
  midstreamError?: boolean;
  /** Overrides the mock's `chunkDelayMs` for this answer. */
  chunkDelayMs?: number;
}

export interface MockUpstream {
  /** `http://127.0.0.1:PORT`, or `https://…` with `tls: true`. No trailing slash, no `/v1`. */
  readonly origin: string;
  /** The self-signed certificate (PEM) when `tls: true`, to pass as `ca`; otherwise `undefined`. */
  readonly tlsCertificate: string | undefined;
  /** Every request received since start or the last `reset()`, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** SSE answers whose headers were sent. */
  readonly streamsStarted: number;
  /** SSE answers the mock wrote to the end (`res.end()` finished). Stalled or aborted streams never count. */
  readonly streamsCompleted: number;
  /** Responses whose connection the client closed before the mock finished them. */
  readonly clientAborts: number;
  enqueue(...responses: ScriptedResponse[]): void;
  /**
   * The k-th call (since the last reset) resolves once k client aborts have been seen, so it does not
   * matter whether the abort happened before or after the call. Rejects after `timeoutMs` (default 5000).
   */
  waitForClientAbort(timeoutMs?: number): Promise<void>;
  /** Resolves once `streamsCompleted >= count`. Rejects after `timeoutMs` (default 5000). */
  waitForStreamsCompleted(count: number, timeoutMs?: number): Promise<void>;
  /** Clears the recorded requests, the queue and the counters (request ids restart at `req_mock_1`). Open connections are left alone. */
  reset(): void;
  /** Stops listening and destroys every open connection (stalled streams included). Idempotent. */
  close(): Promise<void>;
}

export interface MockOptions {
  /** When set, requests must carry this key (OpenAI: Bearer; Anthropic: `x-api-key` or Bearer). Default: any. */
  apiKey?: string;
  /** Pause between two SSE frames of an answer (default 0). Each frame is its own `res.write`. */
  chunkDelayMs?: number;
  /** Serve HTTPS with a self-signed certificate for `localhost`, `127.0.0.1` and `::1`. */
  tls?: boolean;
  /** Model ids listed by `GET /v1/models`. Requests may name any model regardless. */
  models?: string[];
  /**
   * OpenAI only: the models answer on `POST /v1/responses` alone; chat and legacy completions get OpenAI's
   * 404 "This model is only supported in v1/responses and not in v1/chat/completions." (gpt-5-codex, gpt-5-pro).
   */
  responsesOnly?: boolean;
}
