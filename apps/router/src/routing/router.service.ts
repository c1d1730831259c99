import { Inject, Injectable } from '@nestjs/common';
import { RouterError, type HeaderMap, type UpstreamCodec, type UpstreamResponse } from '@llm-router/core';
import { recordError, requestRecordOf, RequestLog, ROUTER_LOGGER, type Logger, type RequestRecord } from '@llm-router/logging';
import { applyTransformations } from '@llm-router/transforms';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientResponseHeaders } from './client-response-headers.js';
import { inlineImageUrls } from './inline-image-urls.js';
import { irStreamTranslator } from './ir-stream-translator.js';
import { parseUpstreamJson } from './parse-upstream-json.js';
import { passthroughTranslator } from './passthrough-translator.js';
import { pumpStream } from './pump-stream.js';
import { readBody } from './read-body.js';
import { skippedFrameReporter } from './skipped-frame-reporter.js';
import { replyUpstreamError } from './reply-upstream-error.js';
import { upstreamBody } from './upstream-body.js';
import { MAX_UPSTREAM_BODY_BYTES } from './upstream-body-limit.js';
import { upstreamHeaders } from './upstream-headers.js';
import { UpstreamSender } from './upstream-sender.js';
import type { RoutingContext } from './routing-context.js';
import type { StreamTranslator } from './stream-translator.js';
import { createTranslationContext, estimateInputTokens } from './translation-context.js';
import { AttemptFailure } from '../fallback/attempt-failure.js';
import { clientGone } from './client-gone.js';
import { holdUntilContent } from '../fallback/hold-until-content.js';
import { RoutedRequests } from '../fallback/routed-requests.js';
import { usesRouting } from '../fallback/routed-models.js';
import { ShutdownState } from '../lifecycle/shutdown-state.js';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { clientStreamTranslator } from '../redaction/client-stream-translator.js';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { StreamUsage } from '../metrics/stream-usage.js';
import { usageOf } from '../metrics/usage-of.js';

/**
 * The request path after the guard: request-stage transformations, then either
 * - passthrough (the upstream speaks the client's format): alias, forward the body, stream bytes back; or
 * - translation: decode to the IR, encode for the upstream, decode its answer, encode for the client;
 * the upstream-stage transformations run on the body in the upstream's format as it is sent (upstreamBody),
 * with header rules + auth, retry(send) and the reply in between. Errors before the first byte are thrown
 * as RouterError (the exception filter renders them in the client's format); after it, the stream pump
 * reports them in-band.
 */
@Injectable()
export class RouterService {
  constructor(
    @Inject(UpstreamSender) private readonly sender: UpstreamSender,
    @Inject(RequestLog) private readonly requestLog: RequestLog,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(RouterMetrics) private readonly metrics: RouterMetrics,
    @Inject(ShutdownState) private readonly shutdown: ShutdownState,
    @Inject(ClientRedactor) private readonly redactor: ClientRedactor,
    @Inject(RoutedRequests) private readonly routed: RoutedRequests,
  ) {}

  async handle(request: FastifyRequest, reply: FastifyReply, context: RoutingContext): Promise<void> {
    const { route } = context;
    // The body was parsed by Fastify and checked by the guard; it belongs to this request, so edit in place.
    const body = request.body as Record<string, unknown>;
    applyTransformations(body, route.transforms);
    // Several deployments or fallbacks: the attempt plan drives dispatch, one attempt at a time (fallback/).
    if (usesRouting(route)) {
      const answerFailure = (failure: AttemptFailure, attempt: RoutingContext) =>
        replyUpstreamError(failure, attempt, reply, requestRecordOf(request), attempt.route.urls[attempt.format] !== undefined, this.redactor.current);
      return this.routed.run(request, reply, context, body, (attempt, copy) => this.dispatch(request, reply, attempt, copy), answerFailure);
    }
    await this.dispatch(request, reply, context, body);
  }

  /** Passthrough or translation of `body` to `context.route` (one attempt of a routed request: decided per attempt). */
  private async dispatch(request: FastifyRequest, reply: FastifyReply, context: RoutingContext, body: Record<string, unknown>): Promise<void> {
    const { route, format, clientModel } = context;
    const nativeUrl = route.urls[format];
    if (nativeUrl !== undefined) {
      body['model'] = route.model.actualModelName;
      // Every stream is metered: where the format sends usage only when asked, the router asks (and keeps
      // the usage frames from a client that did not).
      const hideUsageFrames = context.stream && context.codec.requestStreamUsage?.(body) === true;
      await this.passthrough(request, reply, context, nativeUrl, upstreamBody(body, route.upstreamTransforms), hideUsageFrames);
      return;
    }
    const translation = route.adapter.translation;
    if (translation === undefined) {
      throw RouterError.invalidRequest(
        `The model '${clientModel}' is served by the ${route.adapter.provider} provider, which cannot take ${format} requests.`,
        'model',
      );
    }
    await this.translate(request, reply, context, translation, body);
  }

  /**
   * `POST /v1/messages/count_tokens`: passed through to a provider that has the endpoint (Anthropic);
   * otherwise estimated with `estimateInputTokens` on the decoded request, the figure a translated stream's
   * `message_start` shows, and labelled as such in the `x-router-token-count` header, never a 404 (clients
   * such as Claude Code break on one). A body the client codec refuses is a 400 in the client's format.
   */
  async countTokens(request: FastifyRequest, reply: FastifyReply, context: RoutingContext): Promise<void> {
    const { route, format, codec } = context;
    const body = request.body as Record<string, unknown>;
    applyTransformations(body, route.transforms);
    if (route.adapter.countTokensUrl !== undefined && route.urls[format] !== undefined) {
      body['model'] = route.model.actualModelName;
      await this.passthrough(request, reply, context, route.adapter.countTokensUrl(route.endpoint), upstreamBody(body, route.upstreamTransforms));
      return;
    }
    // The estimate a translated stream's message_start shows: the decoded prompt, not its JSON. A body the
    // client codec refuses is its 400 (thrown: rendered in the client's format).
    const ir = codec.decodeRequest(body, createTranslationContext(route, 0));
    await reply
      .code(200)
      .headers({ 'content-type': 'application/json', 'x-router-token-count': 'estimate (4 characters a token)' })
      .send(JSON.stringify({ input_tokens: estimateInputTokens(ir) }));
  }

  private async passthrough(request: FastifyRequest, reply: FastifyReply, context: RoutingContext, url: string, body: Buffer, hideUsageFrames = false): Promise<void> {
    const { route, format, codec, clientModel, stream } = context;
    const record = requestRecordOf(request);
    const response = await this.sender.send(request, reply, context, {
      method: 'POST',
      url,
      headers: upstreamHeaders(request.headers, context, undefined),
      body,
      format,
      stream,
    });
    if (response === undefined) return;
    if (response.status >= 400) {
      await replyUpstreamError(response, context, reply, record, true, this.redactor.current);
      return;
    }
    const redactor = this.redactor.current;
    const headers = clientResponseHeaders(response.headers, route.model.actualModelName, { redactor, alreadySet: reply.raw.getHeaderNames() });
    if (stream) {
      const usage = new StreamUsage();
      const onSkippedFrame = skippedFrameReporter(this.metrics, this.logger, { reqId: record?.id, model: clientModel, provider: route.adapter.provider });
      const translator = passthroughTranslator(codec, clientModel, (data) => usage.observe(data), { maxFrameChars: route.streamFrameLimitChars, hideUsageFrames, onSkippedFrame });
      await this.replyStream(response, { ...headers, 'content-type': headers['content-type'] ?? codec.streamContentType }, translator, reply, record, context, () => {
        if (record) record.usage = usage.usage;
      });
      return;
    }
    let text = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
    const parsed = parseUpstreamJson(text, route.adapter.provider);
    if (record) record.usage = usageOf(parsed);
    if (typeof parsed === 'object' && parsed !== null && 'model' in parsed) {
      (parsed as Record<string, unknown>)['model'] = clientModel;
      text = JSON.stringify(parsed);
    }
    await reply.code(response.status).headers(headers).send(redactor.redact(text));
  }

  private async translate(
    request: FastifyRequest,
    reply: FastifyReply,
    context: RoutingContext,
    translation: UpstreamCodec,
    body: Record<string, unknown>,
  ): Promise<void> {
    const { route, format, codec, clientModel, stream } = context;
    const record = requestRecordOf(request);
    const ctx = createTranslationContext(route, Number(request.headers['content-length'] ?? 0) || JSON.stringify(body).length);
    const ir = codec.decodeRequest(body, ctx);
    ctx.estimatedInputTokens = estimateInputTokens(ir);
    if (!route.model.reasoning && ir.thinking !== undefined && ir.thinking.type !== 'disabled') {
      delete ir.thinking;
      ctx.warnings.push(`thinking: model '${clientModel}' is configured with reasoning: false, dropped`);
    }
    if (route.model.fetchImageUrls) await inlineImageUrls(ir, route.model.imageFetchMaxBytes);
    const encoded = translation.encodeRequest(ir, ctx);

    const response = await this.sender.send(request, reply, context, {
      method: 'POST',
      url: `${route.endpoint}${encoded.path}`,
      headers: upstreamHeaders(request.headers, context, codec.protocolHeaders),
      body: upstreamBody(encoded.body, route.upstreamTransforms),
      format,
      stream,
    });
    if (response === undefined) return;
    if (response.status >= 400) {
      await replyUpstreamError(response, context, reply, record, false, this.redactor.current);
      return;
    }
    // The upstream's informative headers (rate limits, its request id) travel too; its content type does not.
    const redactor = this.redactor.current;
    const { 'content-type': _upstreamType, ...headers } = clientResponseHeaders(response.headers, route.model.actualModelName, {
      redactor,
      alreadySet: reply.raw.getHeaderNames(),
      router: ctx.warnings.length > 0 ? { 'x-router-warnings': ctx.warnings.join('; ') } : undefined,
    });
    if (ctx.warnings.length > 0) {
      this.logger.warn({ reqId: record?.id, model: clientModel, warnings: ctx.warnings }, 'request translated with warnings');
    }
    if (stream) {
      ctx.onSkippedFrame = skippedFrameReporter(this.metrics, this.logger, { reqId: record?.id, model: clientModel, provider: route.adapter.provider });
      const translator = irStreamTranslator(translation.createStreamDecoder(ctx), codec.createStreamEncoder({ includeUsage: ir.streamUsage === true, request: ir }), clientModel, (usage) => {
        if (record) record.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
      });
      await this.replyStream(response, { ...headers, 'content-type': codec.streamContentType }, translator, reply, record, context);
      return;
    }
    const raw = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
    const parsed = parseUpstreamJson(raw, route.adapter.provider);
    const answer = translation.decodeResponse(parsed, ctx);
    if (record) record.usage = { inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens };
    await reply
      .code(200)
      .headers({ ...headers, 'content-type': 'application/json' })
      .send(redactor.redact(JSON.stringify(codec.encodeResponse({ ...answer, model: clientModel }, ir))));
  }

  private async replyStream(
    response: UpstreamResponse,
    headers: HeaderMap,
    upstreamTranslator: StreamTranslator,
    reply: FastifyReply,
    record: RequestRecord | undefined,
    { format, route, clientModel, attempt }: RoutingContext,
    onEnd?: () => void,
  ): Promise<void> {
    const translator = clientStreamTranslator(upstreamTranslator, { redactor: this.redactor.current, provider: route.adapter.provider, model: clientModel });
    // A routed attempt writes nothing until its first content (the stream contract): it may still fail over.
    const prefix = attempt === undefined ? undefined : await holdUntilContent(response.body, translator, { format, firstTokenTimeoutMs: attempt.firstTokenTimeoutMs, idleTimeoutMs: route.send.idleTimeoutMs, maxHeldChars: route.streamFrameLimitChars, signal: clientGone(reply) });
    if (attempt !== undefined && prefix === undefined) return;
    reply.hijack();
    this.metrics.streamStarted(format);
    const untrack = this.shutdown.trackStream((error) => {
      if (!reply.raw.writableEnded && !reply.raw.destroyed) reply.raw.end(translator.fail(error));
      response.body.destroy();
    });
    const raw = reply.raw;
    raw.writeHead(response.status, { ...headers, 'cache-control': 'no-cache' });
    raw.flushHeaders();
    if (record) record.status = response.status;
    let first = true;
    pumpStream({
      upstream: response.body,
      response: raw,
      translator,
      idleTimeoutMs: route.send.idleTimeoutMs,
      prefix,
      onText: (text) => {
        if (record === undefined) return;
        if (first) {
          first = false;
          this.requestLog.markFirstByte(record);
        }
        if (this.requestLog.logResponses) this.requestLog.appendResponseBody(record, text);
      },
      onDone: ({ error, aborted }) => {
        onEnd?.();
        untrack();
        this.metrics.streamEnded(format);
        if (record && error) recordError(record, error);
        attempt?.onAnswerEnd({ error, aborted });
      },
    });
  }
}
