import {
  CLIENT_FORMATS,
  jsonValueTooDeep,
  RouterError,
  type ClientCodec,
  type ClientFormat,
  type HeaderMap,
  type ProviderAdapter,
  type SendOptions,
  type TranslatedEmbeddingsDialect,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTransport,
} from '@llm-router/core';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { describeRequest, echoResponse, echoStreamEvents, estimateTokens } from './echo-answer.js';
import { echoEmbeddingsDialect } from './echo-embeddings-dialect.js';

export interface EchoProviderOptions {
  /** The codec of each client format: echo answers in the format it was asked in. */
  codecFor: (format: ClientFormat) => ClientCodec;
  /** Masks credential header values. Echo never shows a secret, whatever `mask_api_keys` says. */
  maskHeaders: (headers: HeaderMap) => HeaderMap;
  /** Injected for tests; defaults to random ids and the wall clock. */
  newId?: () => string;
  now?: () => number;
}

/** Echo needs no endpoint; this is the URL base it reports when none is configured. */
export const ECHO_DEFAULT_ENDPOINT = 'echo://local';

const PATHS: Readonly<Record<ClientFormat, string>> = {
  'openai-chat': '/v1/chat/completions',
  'openai-completions': '/v1/completions',
  'openai-responses': '/v1/responses',
  'anthropic-messages': '/v1/messages',
};

/**
 * The `echo` provider: no network. It speaks every client format natively, so requests take the
 * passthrough path (transformations, aliasing and header rules all applied), and it answers with the
 * upstream request exactly as the router would have sent it, in the client's own format, streamed when
 * asked. It is the embedded default, so a fresh clone answers without API keys, and it shows users
 * what their header rules and transformations do.
 */
export class EchoProvider implements ProviderAdapter, UpstreamTransport {
  readonly provider = 'echo';
  readonly nativeFormats = CLIENT_FORMATS;
  readonly requiredHeaders: HeaderMap = {};
  readonly defaultEndpoint = ECHO_DEFAULT_ENDPOINT;
  readonly transport: UpstreamTransport = this;
  /** Deterministic vectors (`echoEmbedding`), answered by the dialect's own transport. */
  readonly embeddings: TranslatedEmbeddingsDialect = echoEmbeddingsDialect;

  private readonly newId: () => string;
  private readonly now: () => number;

  constructor(private readonly options: EchoProviderOptions) {
    this.newId = options.newId ?? (() => randomUUID().replaceAll('-', ''));
    this.now = options.now ?? Date.now;
  }

  url(endpoint: string, format: ClientFormat): string {
    return `${endpoint.replace(/\/+$/, '')}${PATHS[format]}`;
  }

  authHeaders(apiKey: string): HeaderMap {
    return { authorization: `Bearer ${apiKey}` };
  }

  classifyError(status: number, body: string): RouterError {
    return new RouterError('api_error', `echo: HTTP ${status}: ${body.slice(0, 200)}`, { status, provider: this.provider });
  }

  async send(request: UpstreamRequest, options: SendOptions): Promise<UpstreamResponse> {
    if (options.signal?.aborted) throw new RouterError('api_error', 'echo: request aborted');
    const codec = this.options.codecFor(request.format);
    const echoed = describeRequest(request, this.options.maskHeaders);
    // Pretty-printing costs indentation per level: a body nested thousands deep (a few KB) would be
    // answered with megabytes of spaces, so such a body is shown compact.
    const text = jsonValueTooDeep(echoed) ? JSON.stringify(echoed) : JSON.stringify(echoed, null, 2);
    const body = echoed.body;
    const model = isRecord(body) && typeof body['model'] === 'string' ? body['model'] : 'echo';
    const response = echoResponse(`echo${this.newId()}`, model, text, estimateTokens(request.body.toString('utf8')), Math.floor(this.now() / 1000));

    if (!request.stream) {
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Readable.from([Buffer.from(JSON.stringify(codec.encodeResponse(response)))]),
      };
    }
    const includeUsage = isRecord(body) && isRecord(body['stream_options']) && body['stream_options']['include_usage'] === true;
    const encoder = codec.createStreamEncoder({ includeUsage });
    const frames = echoStreamEvents(response).map((event) => encoder.encode(event)).filter((frame) => frame !== '');
    return {
      status: 200,
      headers: { 'content-type': codec.streamContentType, 'cache-control': 'no-cache' },
      body: Readable.from(frames.map((frame) => Buffer.from(frame))),
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
