import { RouterError, toHeaderMap, type SendOptions, type UpstreamRequest, type UpstreamResponse, type UpstreamTransport } from '@llm-router/core';
import got, { type Got } from 'got';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { classifyNetworkError } from './classify-network-error.js';
import { KeepAliveAgents } from './keep-alive-agents.js';

/**
 * The HTTP transport for every network provider, on got (the design card's client).
 *
 * Contract (see UpstreamTransport): resolves when response headers arrive, whatever the status; rejects
 * with a RouterError for network, timeout and TLS failures. The resolved body is got's stream, unread:
 * the caller pipes it (no buffering here). A body that stalls for `idleTimeoutMs` is destroyed with a
 * RouterError of kind `timeout`; got wraps it, so callers read body errors with core's `asRouterError`.
 *
 * got is configured for a proxy: no retries (the retry lib owns them, before the first byte), no
 * redirects, no decompression (upstreams are asked for identity encoding), no HTTP-error throwing, and
 * no `timeout.request` (it would cut long streams).
 */
export class GotTransport implements UpstreamTransport {
  private readonly client: Got;

  constructor(private readonly agents: KeepAliveAgents = new KeepAliveAgents()) {
    this.client = got.extend({
      retry: { limit: 0 },
      followRedirect: false,
      decompress: false,
      throwHttpErrors: false,
      allowGetBody: false,
    });
  }

  send(request: UpstreamRequest, options: SendOptions): Promise<UpstreamResponse> {
    const origin = safeOrigin(request.url);
    const timeouts = { connectMs: options.connectTimeoutMs, responseMs: options.responseTimeoutMs };
    return new Promise<UpstreamResponse>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(abortError(options.signal));
        return;
      }
      const stream = this.client.stream(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        agent: this.agents.forVerification(options.rejectUnauthorized),
        https: { rejectUnauthorized: options.rejectUnauthorized },
        timeout: {
          lookup: options.connectTimeoutMs,
          connect: options.connectTimeoutMs,
          secureConnect: options.connectTimeoutMs,
          response: options.responseTimeoutMs,
        },
      });

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
      stream.once('close', () => {
        clearIdle();
        options.signal?.removeEventListener('abort', onAbort);
      });
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
