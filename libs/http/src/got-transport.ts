import { RouterError, toHeaderMap, type SendOptions, type UpstreamRequest, type UpstreamResponse, type UpstreamTransport } from '@llm-router/core';
import got, { Options, type Request } from 'got';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { classifyNetworkError } from './classify-network-error.js';
import { KeepAliveAgents } from './keep-alive-agents.js';
import { leanRequest } from './lean-request.js';

/**
 * The HTTP transport for every network provider, on got (the design card's client).
 *
 * Contract (see UpstreamTransport): resolves when response headers arrive, whatever the status; rejects
 * with a RouterError for network, timeout and TLS failures. The resolved body is got's stream, unread:
 * the caller pipes it (no buffering here). A body that stalls for `idleTimeoutMs` is destroyed with a
 * RouterError of kind `timeout`; got wraps it, so callers read body errors with core's `asRouterError`.
 * This idle timer counts bytes (keep-alive comments re-arm it): streams also need the content timer of
 * the router's stream pump, which only frames that become client output re-arm.
 *
 * got is configured for a proxy: no retries (the retry lib owns them, before the first byte), no
 * redirects, no decompression (upstreams are asked for identity encoding), no HTTP-error throwing, and
 * no `timeout.request` (it would cut long streams).
 *
 * Cost: got's options are prepared once per (TLS verification, connect timeout, response timeout), so a
 * request only sets its URL, method, headers and body on a copy; and got's default `cacheOptions` are
 * emptied, because spreading them into every native request's options takes a slow path in V8 that
 * costs more than the rest of got together (nothing reads them: `cache` is off); and Node's request is
 * opened with only the options used (see leanRequest). Together these halve got's CPU per request
 * (tools/bench and the README's performance section).
 */
export class GotTransport implements UpstreamTransport {
  private readonly base: Options;
  private readonly prepared = new Map<string, Options>();

  constructor(private readonly agents: KeepAliveAgents = new KeepAliveAgents()) {
    this.base = new Options(
      undefined,
      { retry: { limit: 0 }, followRedirect: false, decompress: false, throwHttpErrors: false, allowGetBody: false, isStream: true, request: leanRequest },
      got.defaults.options,
    );
    // The setter replaces the object (merge and extend would keep got's four default keys).
    this.base.cacheOptions = {};
  }

  /** The options every request with these settings starts from, built on first use. */
  private optionsFor({ rejectUnauthorized, connectTimeoutMs, responseTimeoutMs }: SendOptions): Options {
    const key = `${rejectUnauthorized}:${connectTimeoutMs}:${responseTimeoutMs}`;
    let options = this.prepared.get(key);
    if (options === undefined) {
      options = new Options(
        undefined,
        {
          agent: this.agents.forVerification(rejectUnauthorized),
          https: { rejectUnauthorized },
          timeout: { lookup: connectTimeoutMs, connect: connectTimeoutMs, secureConnect: connectTimeoutMs, response: responseTimeoutMs },
        },
        this.base,
      );
      this.prepared.set(key, options);
    }
    return options;
  }

  send(request: UpstreamRequest, options: SendOptions): Promise<UpstreamResponse> {
    const origin = safeOrigin(request.url);
    const timeouts = { connectMs: options.connectTimeoutMs, responseMs: options.responseTimeoutMs };
    return new Promise<UpstreamResponse>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(abortError(options.signal));
        return;
      }
      let stream: Request;
      try {
        // got(undefined, undefined, options) is got's documented form for prepared Options.
        const requestOptions = new Options(request.url, { method: request.method, headers: request.headers, body: request.body }, this.optionsFor(options));
        stream = got(undefined, undefined, requestOptions) as unknown as Request;
      } catch (error) {
        // Options validate synchronously (a malformed URL throws here, not as an 'error' event).
        reject(classifyNetworkError(error, origin, timeouts));
        return;
      }

      let settled = false;
      let idleTimer: NodeJS.Timeout | undefined;
      const clearIdle = () => {
        if (idleTimer !== undefined) clearTimeout(idleTimer);
        idleTimer = undefined;
      };
      const armIdle = () => {
        clearIdle();
        idleTimer = setTimeout(() => {
          stream.destroy(
            new RouterError('timeout', `upstream ${origin} sent nothing for ${options.idleTimeoutMs / 1000}s (stream idle timeout)`, {
              retryable: false,
            }),
          );
        }, options.idleTimeoutMs);
        idleTimer.unref();
      };
      const onAbort = () => {
        clearIdle();
        stream.destroy();
        if (!settled) {
          settled = true;
          reject(abortError(options.signal));
        }
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });

      stream.on('response', (response: IncomingMessage) => {
        settled = true;
        armIdle();
        stream.on('downloadProgress', armIdle);
        resolve({ status: response.statusCode ?? 502, headers: toHeaderMap(response.headers), body: stream as Readable });
      });
      stream.on('error', (error: unknown) => {
        if (settled) return; // after 'response' the caller owns the body stream and its errors
        settled = true;
        clearIdle();
        reject(classifyNetworkError(error, origin, timeouts));
      });
      // got's stream never emits 'close' after a body read to its end (it is not auto-destroyed), so
      // 'end' must release the timer and the listener too: else each finished request stays reachable
      // until its idle timer fires, and memory grows with the request rate.
      const release = () => {
        clearIdle();
        options.signal?.removeEventListener('abort', onAbort);
      };
      stream.once('end', release);
      stream.once('close', release);
    });
  }

  /** Closes pooled sockets (shutdown). */
  close(): void {
    this.agents.destroy();
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'upstream';
  }
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('request aborted by the client');
}
