import { Inject, Injectable } from '@nestjs/common';
import { RouterError, toHeaderMap, type UpstreamRequest, type UpstreamResponse } from '@llm-router/core';
import { buildUpstreamHeaders } from '@llm-router/header-rules';
import { requestRecordOf, RequestLog, ROUTER_LOGGER, type Logger, type RequestRecord } from '@llm-router/logging';
import { RetryService } from '@llm-router/retry';
import { applyTransformations } from '@llm-router/transforms';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientResponseHeaders } from './client-response-headers.js';
import { pumpPassthroughStream } from './pump-passthrough-stream.js';
import { readBody } from './read-body.js';
import type { RoutingContext } from './routing-context.js';

/** Upstream bodies read whole (non-streamed answers, error bodies) are capped at this size. */
const MAX_UPSTREAM_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The request path after the guard: transformations -> alias -> header rules + auth -> retry(send)
 * -> reply. Errors before the first byte are thrown as RouterError (the exception filter renders them
 * in the client's format); after it, the stream pump reports them in-band.
 */
@Injectable()
export class RouterService {
  constructor(
    @Inject(RetryService) private readonly retry: RetryService,
    @Inject(RequestLog) private readonly requestLog: RequestLog,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
  ) {}

  async handle(request: FastifyRequest, reply: FastifyReply, context: RoutingContext): Promise<void> {
    const { route, format, clientModel, stream } = context;
    const record = requestRecordOf(request);
    const url = route.urls[format];
    if (url === undefined) {
      throw RouterError.invalidRequest(
        `The model '${clientModel}' is served by the ${route.adapter.provider} provider, which does not accept ${format} requests.`,
        'model',
      );
    }

    // The body was parsed by Fastify and checked by the guard; it belongs to this request, so edit in place.
    const body = request.body as Record<string, unknown>;
    applyTransformations(body, route.transforms);
    body['model'] = route.model.actualModelName;
    const upstreamRequest: UpstreamRequest = {
      method: 'POST',
      url,
      headers: buildUpstreamHeaders(toHeaderMap(request.headers), route.headerRules, {
        forwardCredentials: route.model.forwardClientCredentials,
        required: route.adapter.requiredHeaders,
        router: route.routerHeaders,
      }),
      body: Buffer.from(JSON.stringify(body)),
      format,
      stream,
    };
    if (record) {
      record.upstreamUrl = url;
      if (this.requestLog.logRequests) record.upstreamRequest = { url, headers: upstreamRequest.headers, body };
    }

    // One controller per request: aborted when the client goes away, before or during the answer.
    const abort = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) abort.abort(new Error('client disconnected'));
    });

    let response: UpstreamResponse;
    try {
      ({ response } = await this.retry.runWithRetry(
        (attempt) => {
          if (record) record.attempts = attempt;
          return route.transport.send(upstreamRequest, { ...route.send, signal: abort.signal });
        },
        {
          policy: route.retry,
          signal: abort.signal,
          discard: (r) => r.body.destroy(),
          onRetry: ({ attempt, delayMs, status, error }) =>
            this.logger.warn(
              { reqId: record?.id, model: clientModel, provider: route.adapter.provider, attempt, status, error: error?.message, delayMs: Math.round(delayMs) },
              'upstream attempt failed; retrying',
            ),
        },
      ));
    } catch (error) {
      if (abort.signal.aborted) return; // the client is gone: nobody to answer (499)
      throw error;
    }

    if (response.status >= 400) {
      await this.replyUpstreamError(response, context, reply, record);
      return;
    }
    const headers = clientResponseHeaders(response.headers, route.model.actualModelName);
    if (!stream) {
      await this.replyJson(response, headers, context, reply);
      return;
    }
    this.replyStream(response, headers, context, reply, record);
  }

  private async replyJson(
    response: UpstreamResponse,
    headers: Record<string, string>,
    { clientModel }: RoutingContext,
    reply: FastifyReply,
  ): Promise<void> {
    const raw = await readBody(response.body, MAX_UPSTREAM_BODY_BYTES);
    let text = raw.toString('utf8');
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && 'model' in parsed) {
        (parsed as Record<string, unknown>)['model'] = clientModel;
        text = JSON.stringify(parsed);
      }
    } catch {
      // not JSON: forwarded as it came
    }
    await reply.code(response.status).headers(headers).send(text);
  }

  private replyStream(
    response: UpstreamResponse,
    headers: Record<string, string>,
    { codec, clientModel }: RoutingContext,
    reply: FastifyReply,
    record: RequestRecord | undefined,
  ): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(response.status, {
      ...headers,
      'content-type': headers['content-type'] ?? codec.streamContentType,
      'cache-control': 'no-cache',
    });
    raw.flushHeaders();
    if (record) record.status = response.status;
    let first = true;
    pumpPassthroughStream({
      upstream: response.body,
      response: raw,
      codec,
      clientModel,
      onText: (text) => {
        if (record === undefined) return;
        if (first) {
          first = false;
          this.requestLog.markFirstByte(record);
        }
        if (this.requestLog.logResponses) this.requestLog.appendResponseBody(record, text);
      },
      onDone: ({ error }) => {
        if (record && error) record.error = error.message;
      },
    });
  }

  /**
   * An upstream error before anything was sent. Same format: its body is already in the client's
   * format, so status and body are kept. Except when the upstream refused the router's own key: that is
   * the router's fault, not the client's, so it becomes a 502 rather than a 401 the client would
   * misread as its own credentials failing.
   */
  private async replyUpstreamError(
    response: UpstreamResponse,
    { route, clientModel }: RoutingContext,
    reply: FastifyReply,
    record: RequestRecord | undefined,
  ): Promise<void> {
    const raw = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
    const error = route.adapter.classifyError(response.status, raw, response.headers);
    if ((response.status === 401 || response.status === 403) && route.model.apiKey !== undefined) {
      throw new RouterError('bad_gateway', `${route.adapter.provider} upstream refused the router's credentials for model '${clientModel}' (HTTP ${response.status})`, {
        provider: route.adapter.provider,
      });
    }
    if (!isJsonObject(raw)) throw error;
    if (record) record.error = error.message;
    await reply.code(response.status).headers(clientResponseHeaders(response.headers, route.model.actualModelName)).send(raw);
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
