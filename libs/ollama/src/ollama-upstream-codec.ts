import type { TranslationContext, UpstreamCodec } from '@llm-router/core';
import { decodeResponse } from './decode/decode-response.js';
import { OllamaStreamDecoder } from './decode/ollama-stream-decoder.js';
import { encodeRequest } from './encode/encode-request.js';

/**
 * Ollama's native API as an upstream for translated requests: IR -> `/api/chat` or `/api/generate`
 * bodies, and their JSON / NDJSON answers -> IR. Pure: no I/O, no clock, ids from `context.newId()`.
 */
export const ollamaUpstreamCodec: UpstreamCodec = Object.freeze({
  encodeRequest,
  decodeResponse,
  createStreamDecoder: (context: TranslationContext) => new OllamaStreamDecoder(context),
});
