import type { Readable } from 'node:stream';
import type { ClientFormat } from '../client-format.js';
import type { HeaderMap } from '../http/header-map.js';

/** A request ready to go upstream: URL, final headers (rules and auth applied) and the serialised body. */
export interface UpstreamRequest {
  method: 'POST';
  url: string;
  headers: HeaderMap;
  body: Buffer;
  /** The wire format of `body` (the upstream's native format). */
  format: ClientFormat;
  stream: boolean;
}

/** An upstream answer whose headers have arrived; the body is read (or piped) by the caller. */
export interface UpstreamResponse {
  status: number;
  headers: HeaderMap;
  body: Readable;
}

export interface SendOptions {
  /** Time allowed to open the TCP/TLS connection, ms. */
  connectTimeoutMs: number;
  /** Time allowed from sending the request to the response headers, ms. */
  responseTimeoutMs: number;
  /** Time allowed between two body chunks once the response started, ms. */
  idleTimeoutMs: number;
  /** false accepts self-signed or otherwise unverifiable upstream certificates. */
  rejectUnauthorized: boolean;
  /** Aborts the request (client went away). */
  signal?: AbortSignal;
}

/**
 * Sends one upstream request. Resolves once response headers arrive, whatever the status (4xx/5xx are
 * responses, not errors); rejects with a RouterError for network failures, timeouts and TLS refusals.
 * A body that stalls longer than `idleTimeoutMs` is destroyed with a RouterError of kind `timeout`.
 */
export interface UpstreamTransport {
  send(request: UpstreamRequest, options: SendOptions): Promise<UpstreamResponse>;
}
