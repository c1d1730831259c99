import { RouterError, type EmbeddingsInput, type EmbeddingsRequest, type EmbeddingsResult, type SendOptions, type TranslatedEmbeddingsDialect, type UpstreamRequest, type UpstreamResponse } from '@llm-router/core';
import { Readable } from 'node:stream';
import { estimateTokens } from './echo-answer.js';
import { echoEmbedding } from './echo-embedding.js';

/** Echo's embeddings "wire" answer: what its transport sends back and `decodeResponse` reads. */
interface EchoEmbedAnswer {
  embeddings: number[][];
  prompt_tokens: number;
}

/**
 * `POST /v1/embeddings` to echo: no network. The request is encoded to `{model, input, dimensions}` (after
 * transformations and aliasing, so upstream-stage rules apply), its own transport answers one
 * `echoEmbedding` per input (floats; base64 is the router's job, as for any upstream that answers floats)
 * and usage is estimated from the input (4 characters a token).
 */
export const echoEmbeddingsDialect: TranslatedEmbeddingsDialect = Object.freeze({
  passthrough: false as const,
  url: (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/v1/embeddings`,
  encodeRequest: (request: EmbeddingsRequest, _body: Readonly<Record<string, unknown>>, upstreamModel: string) => ({ model: upstreamModel, input: request.input, ...(request.dimensions !== undefined && { dimensions: request.dimensions }) }),
  decodeResponse: (parsed: unknown): EmbeddingsResult => {
    const answer = parsed as EchoEmbedAnswer;
    return { vectors: answer.embeddings, inputTokens: answer.prompt_tokens };
  },
  unsupportedFields: () => [],
  transport: Object.freeze({
    send: (request: UpstreamRequest, options: SendOptions): Promise<UpstreamResponse> => Promise.resolve(answerEmbeddings(request, options)),
  }),
});

function answerEmbeddings(request: UpstreamRequest, options: SendOptions): UpstreamResponse {
  if (options.signal?.aborted) throw new RouterError('api_error', 'echo: request aborted');
  const text = request.body.toString('utf8');
  const body = JSON.parse(text) as { input: EmbeddingsInput; dimensions?: number };
  const inputs: Array<string | number[]> = typeof body.input === 'string' ? [body.input] : typeof body.input[0] === 'number' ? [body.input as number[]] : (body.input as string[] | number[][]);
  const answer: EchoEmbedAnswer = {
    embeddings: inputs.map((input) => echoEmbedding(input, body.dimensions)),
    prompt_tokens: inputs.reduce((sum, input) => sum + (typeof input === 'string' ? estimateTokens(input) : input.length), 0),
  };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Readable.from([Buffer.from(JSON.stringify(answer))]) };
}
