import type { TranslatedEmbeddingsDialect } from '@llm-router/core';
import { decodeEmbedResponse } from './decode-embed-response.js';
import { encodeEmbedRequest } from './encode-embed-request.js';

/** Fields of an OpenAI embeddings body the Ollama request carries (the rest is dropped and named). */
const CARRIED: ReadonlySet<string> = new Set(['model', 'input', 'encoding_format', 'dimensions', 'truncate', 'keep_alive', 'options']);

/**
 * `POST /v1/embeddings` to Ollama: translated to the native `POST <endpoint>/api/embed` and answered in
 * OpenAI's list shape; `encoding_format` is the router's job (Ollama answers floats), errors are
 * classified like its chat errors (the provider's `classifyError`).
 */
export const ollamaEmbeddingsDialect: TranslatedEmbeddingsDialect = Object.freeze({
  passthrough: false as const,
  url: (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/api/embed`,
  encodeRequest: encodeEmbedRequest,
  decodeResponse: decodeEmbedResponse,
  unsupportedFields: (body: Readonly<Record<string, unknown>>) => Object.keys(body).filter((name) => !CARRIED.has(name) && body[name] !== null && body[name] !== undefined),
});
