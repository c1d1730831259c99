import type { ProviderAdapter } from '@llm-router/core';
import { ollamaEmbeddingsDialect } from './embeddings/ollama-embeddings-dialect.js';
import { classifyOllamaError } from './errors/classify-ollama-error.js';
import { ollamaUpstreamCodec } from './ollama-upstream-codec.js';
import { ollamaUrl } from './ollama-url.js';

/**
 * The Ollama upstream (native API). No client format is native: every request is translated by
 * `translation` and sent to `<endpoint>/api/chat` or `<endpoint>/api/generate` over the app's HTTP
 * transport; `POST /v1/embeddings` goes to `/api/embed` (`embeddings`). Ollama itself has no auth; a
 * configured key is sent as a Bearer token (Ollama behind an auth proxy, or Ollama's cloud).
 */
export const ollamaProvider: ProviderAdapter = Object.freeze({
  provider: 'ollama',
  nativeFormats: Object.freeze([] as const),
  // The host root: encoded requests carry their own `/api/...` path.
  defaultEndpoint: 'http://localhost:11434',
  url: ollamaUrl,
  authHeaders: (apiKey: string) => ({ authorization: `Bearer ${apiKey}` }),
  requiredHeaders: Object.freeze({}),
  classifyError: classifyOllamaError,
  translation: ollamaUpstreamCodec,
  embeddings: ollamaEmbeddingsDialect,
});
