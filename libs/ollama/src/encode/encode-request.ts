import { type EncodedRequest, type IrRequest, RouterError, type TranslationContext } from '@llm-router/core';
import { encodeChatRequest } from './encode-chat-request.js';
import { encodeGenerateRequest } from './encode-generate-request.js';

/**
 * `UpstreamCodec.encodeRequest`: a legacy completion goes to `/api/generate`, anything else to
 * `/api/chat`. Ollama answers one choice per request, so `n` > 1 is a 400 naming `n`.
 */
export function encodeRequest(request: IrRequest, context: TranslationContext): EncodedRequest {
  if (request.n !== undefined && request.n > 1) {
    throw RouterError.invalidRequest(`n: ollama generates one choice per request; send n=1 or omit it (got ${request.n})`, 'n');
  }
  if (request.completion !== undefined) {
    return { path: '/api/generate', body: encodeGenerateRequest(request, request.completion, context) };
  }
  return { path: '/api/chat', body: encodeChatRequest(request, context) };
}
