import { type ClientFormat, RouterError } from '@llm-router/core';

/**
 * `ProviderAdapter.url` for Ollama. Ollama speaks no client format natively (`nativeFormats` is empty),
 * so every request is translated and goes to `<endpoint><EncodedRequest.path>` (`/api/chat`,
 * `/api/generate`). Being asked for a native URL is a router bug: a 500.
 */
export function ollamaUrl(_endpoint: string, format: ClientFormat): string {
  throw new RouterError('api_error', `ollama: no native endpoint for ${format} requests (translate them with ollamaUpstreamCodec)`, {
    provider: 'ollama',
  });
}
