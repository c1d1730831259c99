import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { toHeaderMap } from '@llm-router/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maskerOf, type Logger } from '../logger/create-logger.js';
import type { SecretMasker } from '../masking/secret-masker.js';
import { REQUEST_LOG_OPTIONS, ROUTER_LOGGER } from '../nest/logging.tokens.js';
import { clientSecretsOf } from './client-secrets.js';
import { describeError, rootClassOf } from './describe-error.js';
import { resolveRequestId } from './request-id.js';
import { textOf } from './text-of.js';
import type { RequestRecord } from './request-record.js';
import { attachRequestRecord, requestRecordOf } from './request-record-of.js';

export interface RequestLogOptions {
  /** `log_requests`: add method, URL, headers and bodies of the client's and the upstream request. */
  logRequests: boolean;
  /** `log_responses`: add the response's headers and body (for streams, the whole text when it ends). */
  logResponses: boolean;
  /**
   * Paths of probes and scrapes (each with what is below it, query ignored), whose lines are logged at
   * `debug` instead of `info`, so a probe every few seconds does not bury the traffic. Default PROBE_PATHS.
   */
  probePaths?: readonly string[];
}

/** The router's probes (`/health`, `/health/live`, `/health/ready`) and Prometheus' scrape (`/metrics`). */
export const PROBE_PATHS: readonly string[] = ['/health', '/metrics'];

/** Bound on the logged `x-forwarded-for`: a client may send anything there. */
const MAX_FORWARDED_FOR_LENGTH = 512;

/**
 * Status logged for a request whose connection closed before any response header was sent and for
 * which the app set no `record.status` (nginx's "client closed request").
 */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * One JSON line per request. `begin` (run by installRequestLogging's onRequest hook, so it sees
 * every request, even those Fastify rejects before Nest) creates the RequestRecord; the line is
 * written once, when the Node response closes: finished, hijacked and ended, or aborted. Works
 * outside Nest too: `new RequestLog(logger, { logRequests, logResponses })`.
 */
@Injectable()
export class RequestLog {
  readonly logRequests: boolean;
  readonly logResponses: boolean;
  private readonly masker: SecretMasker;
  private readonly probePaths: readonly string[];
  private readonly listeners: Array<(record: RequestRecord, outcome: RequestOutcome) => void> = [];

  constructor(
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(REQUEST_LOG_OPTIONS) options: RequestLogOptions,
  ) {
    const masker = maskerOf(logger);
    if (masker === undefined) throw new Error('RequestLog needs a logger made by createLogger() (it masks with its SecretMasker)');
    this.masker = masker;
    this.logRequests = options.logRequests;
    this.logResponses = options.logResponses;
    this.probePaths = options.probePaths ?? PROBE_PATHS;
  }

  /**
   * Starts the record of `request`: its id (the client's sane `x-request-id`, else a new one), also set
   * as the `x-request-id` response header, and the client's credentials as per-request secrets.
   * Calling it again for the same request returns the same record (and writes no second line).
   */
  begin(request: FastifyRequest, reply: FastifyReply): RequestRecord {
    const existing = requestRecordOf(request);
    if (existing !== undefined) return existing;
    const record: RequestRecord = {
      id: resolveRequestId(request.headers['x-request-id']),
      method: request.method,
      url: request.url,
      // Fastify's clock (performance.now()) started when the request arrived, before any hook: right
      // even when begin runs late, from a fallback hook (see installRequestLogging).
      startedAt: performance.now() - reply.elapsedTime,
      stream: false,
      attempts: 0,
      secrets: clientSecretsOf(request.headers),
    };
    // Read now: the socket may be gone when the line is written.
    const remoteAddress = request.raw.socket?.remoteAddress;
    if (remoteAddress !== undefined) record.remoteAddress = remoteAddress;
    const forwardedFor = forwardedForOf(request.headers['x-forwarded-for']);
    if (forwardedFor !== undefined) record.forwardedFor = forwardedFor;
    if (this.logRequests) record.requestHeaders = toHeaderMap(request.headers);
    attachRequestRecord(request, record);
    // On the Node response, not reply.header(): hijacked replies write their own head, and Node merges
    // headers set here into any writeHead(). (It also makes getHeaders() return writeHead's headers.)
    reply.raw.setHeader('x-request-id', record.id);
    reply.raw.once('close', () => this.writeSafely(record, reply.raw));
    return record;
  }

  /** Appends a chunk sent to the client to the logged response body; a no-op unless logResponses. */
  appendResponseBody(record: RequestRecord, chunk: string | Uint8Array): void {
    if (!this.logResponses) return;
    const text = textOf(chunk);
    record.responseBody = record.responseBody === undefined ? text : record.responseBody + text;
  }

  /**
   * Records the time to first byte sent to the client, once (later calls keep the first). The onSend
   * hook calls it for `reply.send` replies; a hijacked reply's writer calls it before its first write.
   */
  markFirstByte(record: RequestRecord): void {
    record.ttfbMs ??= roundTenth(performance.now() - record.startedAt);
  }

  /**
   * Calls `listener` once per request when its response ends (finished or aborted), whatever the log
   * level: the hook for metrics. Listeners must be cheap and must not throw.
   */
  onComplete(listener: (record: RequestRecord, outcome: RequestOutcome) => void): void {
    this.listeners.push(listener);
  }

  /**
   * The `close` listener: whatever goes wrong while writing the line (a listener that throws, a value
   * the serialiser chokes on) is logged and swallowed. An exception thrown from an event listener
   * reaches the top level and would end the process: a log line is never worth that.
   */
  private writeSafely(record: RequestRecord, raw: ServerResponse): void {
    try {
      this.write(record, raw);
    } catch (error) {
      this.reportFailure(record.id, error);
    }
  }

  /** Reports a failure of the request log itself (a hook, a listener, the line); never throws. */
  reportFailure(reqId: string | undefined, error: unknown): void {
    try {
      this.logger.error({ reqId, error: error instanceof Error ? error.message : String(error) }, 'request log failed');
    } catch {
      // the logger failed too: nothing left to report to
    }
  }

  private write(record: RequestRecord, raw: ServerResponse): void {
    const aborted = !raw.writableFinished;
    const status = raw.headersSent ? raw.statusCode : (record.status ?? CLIENT_CLOSED_REQUEST);
    const latencyMs = performance.now() - record.startedAt;
    for (const listener of this.listeners) {
      try {
        listener(record, { status, aborted, latencyMs });
      } catch (error) {
        this.reportFailure(record.id, error);
      }
    }
    const level = status >= 500 || aborted ? 'warn' : this.isProbe(record.url) ? 'debug' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    const line: Record<string, unknown> = {
      reqId: record.id,
      method: record.method,
      url: record.url,
      clientFormat: record.clientFormat,
      caller: record.caller,
      handler: record.handler,
      model: record.model,
      provider: record.provider,
      upstreamModel: record.upstreamModel,
      upstreamUrl: record.upstreamUrl,
      status,
      latencyMs: roundTenth(latencyMs),
      ttfbMs: record.ttfbMs,
      inputTokens: record.usage?.inputTokens,
      outputTokens: record.usage?.outputTokens,
      attempts: record.attempts,
      routing: record.routing,
      stream: record.stream,
      remoteAddress: record.remoteAddress,
      forwardedFor: record.forwardedFor,
    };
    if (aborted) line['aborted'] = true;
    if (record.error !== undefined) {
      line['error'] = record.error;
      if (record.failure !== undefined && messageOf(record.failure) === record.error) {
        // The stack only for the unexpected: a 500 whose root cause is no error the router made itself (a
        // TypeError, not an upstream's own 500). Upstream and network failures (502, 504) are told by
        // their code and causes; their stacks would only show Node's socket internals.
        const unexpected = status === 500 && rootClassOf(record.failure) !== 'RouterError';
        Object.assign(line, describeError(record.failure, { withStack: unexpected }));
      }
    }
    if (this.logRequests) {
      line['request'] = { headers: record.requestHeaders, body: bodyForLog(record.requestBody) };
      if (record.upstreamRequest !== undefined) {
        line['upstreamRequest'] = { ...record.upstreamRequest, body: bodyForLog(record.upstreamRequest.body) };
      }
    }
    if (this.logResponses) {
      line['response'] = { headers: record.responseHeaders ?? toHeaderMap(raw.getHeaders()), body: record.responseBody };
    }
    // Per-request secrets and credential fields by name here; known secrets and key patterns again
    // over the whole serialised line in the logger's streamWrite hook.
    const masked = this.masker.maskValue(line, record.secrets);
    this.logger[level](masked, 'request');
  }

  private isProbe(url: string): boolean {
    const path = url.split('?', 1)[0] ?? url;
    return this.probePaths.some((probe) => path === probe || path.startsWith(`${probe}/`));
  }
}

/** How a request ended, as its log line says it. */
export interface RequestOutcome {
  /** The status sent, or 499 when the client left before any header. */
  status: number;
  aborted: boolean;
  latencyMs: number;
}

function forwardedForOf(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const joined = Array.isArray(value) ? value.join(', ') : value;
  return joined.length > MAX_FORWARDED_FOR_LENGTH ? `${joined.slice(0, MAX_FORWARDED_FOR_LENGTH)}...` : joined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function roundTenth(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Bodies that are bytes are logged as text. */
function bodyForLog(body: unknown): unknown {
  return body instanceof Uint8Array ? textOf(body) : body;
}
