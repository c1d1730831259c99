import { isTokenInput, RouterError, type EmbeddingsRequest } from '@llm-router/core';
import type { OllamaEmbedRequest } from '../wire/ollama-embed-types.js';

/**
 * An OpenAI embeddings request as Ollama's `POST /api/embed` body. Ollama embeds text only: token-id
 * input (`number[]`, `number[][]`) is a 400 before any call. `truncate`, `keep_alive` and `options` are
 * Ollama's own fields, which no OpenAI client sends but a request-stage transformation may add: taken
 * from the body when they have the right type (a wrong type is a 400 naming the field), otherwise left
 * to Ollama's defaults (`truncate: true`).
 */
export function encodeEmbedRequest(request: EmbeddingsRequest, body: Readonly<Record<string, unknown>>, upstreamModel: string): OllamaEmbedRequest {
  if (isTokenInput(request.input)) {
    throw RouterError.invalidRequest(
      `The model '${request.model}' is served by Ollama, which embeds text only: send 'input' as a string or a list of strings, not token ids.`,
      'input',
    );
  }
  const encoded: OllamaEmbedRequest = { model: upstreamModel, input: request.input };
  if (request.dimensions !== undefined) encoded.dimensions = request.dimensions;
  const truncate = body['truncate'];
  if (truncate !== undefined && truncate !== null) {
    if (typeof truncate !== 'boolean') throw RouterError.invalidRequest("Invalid type for 'truncate': expected a boolean.", 'truncate');
    encoded.truncate = truncate;
  }
  const keepAlive = body['keep_alive'];
  if (keepAlive !== undefined && keepAlive !== null) {
    if (typeof keepAlive !== 'string' && typeof keepAlive !== 'number') throw RouterError.invalidRequest("Invalid type for 'keep_alive': expected a duration string or seconds.", 'keep_alive');
    encoded.keep_alive = keepAlive;
  }
  const options = body['options'];
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' || Array.isArray(options)) throw RouterError.invalidRequest("Invalid type for 'options': expected an object.", 'options');
    encoded.options = options as Record<string, unknown>;
  }
  return encoded;
}
