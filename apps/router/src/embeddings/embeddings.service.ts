import { Inject, Injectable } from '@nestjs/common';
import {
  embeddingInputCount,
  embeddingsList,
  readEmbeddingsRequest,
  RouterError,
  type EmbeddingsRequest,
  type PassthroughEmbeddingsDialect,
  type TranslatedEmbeddingsDialect,
} from '@llm-router/core';
import { requestRecordOf, ROUTER_LOGGER, type Logger } from '@llm-router/logging';
import { applyTransformations } from '@llm-router/transforms';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { usageOf } from '../metrics/usage-of.js';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { clientResponseHeaders } from '../routing/client-response-headers.js';
import { parseUpstreamJson } from '../routing/parse-upstream-json.js';
import { readBody } from '../routing/read-body.js';
import { replyUpstreamError } from '../routing/reply-upstream-error.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { upstreamBody } from '../routing/upstream-body.js';
import { MAX_UPSTREAM_BODY_BYTES } from '../routing/upstream-body-limit.js';
import { upstreamHeaders } from '../routing/upstream-headers.js';
import { UpstreamSender } from '../routing/upstream-sender.js';

/**
 * `POST /v1/embeddings` after the guards: request-stage transformations, OpenAI's validation, then the
 * provider's embeddings dialect, with the same header rules, auth, upstream-stage transformations, retry,
 * timeouts, request log and redaction as a non-streamed chat request.
 * - passthrough (OpenAI-compatible): alias `model`, forward, answer the upstream's bytes with `model`
 *   replaced by the client's name (its `encoding_format` honoured upstream);
 * - translated (Ollama, echo): encode, decode the upstream's float vectors, render OpenAI's list in the
 *   client's `encoding_format` (base64 = little-endian float32, the official SDKs' default).
 * A provider without a dialect (Anthropic) is a 400 naming it, before any upstream call. Usage (input
 * tokens, no output) goes to the request log, which settles the access ticket.
 */
@Injectable()
export class EmbeddingsService {
  constructor(
    @Inject(UpstreamSender) private readonly sender: UpstreamSender,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(ClientRedactor) private readonly redactor: ClientRedactor,
  ) {}

  async handle(request: FastifyRequest, reply: FastifyReply, context: RoutingContext): Promise<void> {
    const { route, clientModel } = context;
    const dialect = route.adapter.embeddings;
    if (dialect === undefined) {
      throw RouterError.invalidRequest(`The model '${clientModel}' is served by the ${route.adapter.provider} provider, which has no embeddings API.`, 'model');
    }
    // Parsed by Fastify, checked by the guard; it belongs to this request, so edit in place.
    const body = request.body as Record<string, unknown>;
    applyTransformations(body, route.transforms);
    const embeddings = readEmbeddingsRequest(body);
    if (dialect.passthrough) await this.passthrough(request, reply, context, dialect, body);
    else await this.translate(request, reply, context, dialect, body, embeddings);
  }

  private async passthrough(request: FastifyRequest, reply: FastifyReply, context: RoutingContext, dialect: PassthroughEmbeddingsDialect, body: Record<string, unknown>): Promise<void> {
    const { route, format, clientModel } = context;
    const record = requestRecordOf(request);
    body['model'] = route.model.actualModelName;
    const response = await this.sender.send(
      request,
      reply,
      context,
      { method: 'POST', url: dialect.url(route.endpoint), headers: upstreamHeaders(request.headers, context, undefined), body: upstreamBody(body, route.upstreamTransforms), format, stream: false },
      dialect.transport ?? route.transport,
    );
    if (response === undefined) return;
    const redactor = this.redactor.current;
    if (response.status >= 400) {
      await replyUpstreamError(response, context, reply, record, true, redactor);
      return;
    }
    let text = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
    const parsed = parseUpstreamJson(text, route.adapter.provider);
    const usage = usageOf(parsed);
    if (record && usage !== undefined) record.usage = { inputTokens: usage.inputTokens, outputTokens: 0 };
    if (typeof parsed === 'object' && parsed !== null && 'model' in parsed) {
      (parsed as Record<string, unknown>)['model'] = clientModel;
      text = JSON.stringify(parsed);
    }
    await reply.code(response.status).headers(clientResponseHeaders(response.headers, route.model.actualModelName, { redactor, alreadySet: reply.raw.getHeaderNames() })).send(redactor.redact(text));
  }

  private async translate(
    request: FastifyRequest,
    reply: FastifyReply,
    context: RoutingContext,
    dialect: TranslatedEmbeddingsDialect,
    body: Record<string, unknown>,
    embeddings: EmbeddingsRequest,
  ): Promise<void> {
    const { route, format, codec, clientModel } = context;
    const provider = route.adapter.provider;
    const record = requestRecordOf(request);
    const warnings = dialect.unsupportedFields(body).map((field) => `${field}: not supported by the ${provider} embeddings API, dropped`);
    const encoded = dialect.encodeRequest(embeddings, body, route.model.actualModelName);
    const response = await this.sender.send(
      request,
      reply,
      context,
      {
        method: 'POST',
        url: dialect.url(route.endpoint),
        headers: upstreamHeaders(request.headers, context, codec.protocolHeaders),
        body: upstreamBody(encoded, route.upstreamTransforms),
        format,
        stream: false,
      },
      dialect.transport ?? route.transport,
    );
    if (response === undefined) return;
    const redactor = this.redactor.current;
    if (response.status >= 400) {
      await replyUpstreamError(response, context, reply, record, false, redactor);
      return;
    }
    const raw = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
    const result = dialect.decodeResponse(parseUpstreamJson(raw, provider));
    const expected = embeddingInputCount(embeddings.input);
    if (result.vectors.length !== expected) {
      throw new RouterError('bad_gateway', `${provider}: the embeddings answer has ${result.vectors.length} vectors for ${expected} inputs`, { provider });
    }
    if (record) record.usage = { inputTokens: result.inputTokens, outputTokens: 0 };
    if (warnings.length > 0) this.logger.warn({ reqId: record?.id, model: clientModel, warnings }, 'embeddings request translated with warnings');
    const { 'content-type': _upstreamType, ...headers } = clientResponseHeaders(response.headers, route.model.actualModelName, {
      redactor,
      alreadySet: reply.raw.getHeaderNames(),
      router: warnings.length > 0 ? { 'x-router-warnings': warnings.join('; ') } : undefined,
    });
    await reply
      .code(200)
      .headers({ ...headers, 'content-type': 'application/json' })
      .send(redactor.redact(JSON.stringify(embeddingsList(result, clientModel, embeddings.encodingFormat))));
  }
}
