// Public API of @llm-router/ollama: Ollama's native API (/api/chat, /api/generate) as an upstream.
export { ollamaProvider } from './ollama-provider.js';
export { ollamaUpstreamCodec } from './ollama-upstream-codec.js';
export { classifyOllamaError } from './errors/classify-ollama-error.js';
export { OllamaStreamDecoder } from './decode/ollama-stream-decoder.js';
export { mapDoneReason } from './decode/map-done-reason.js';
export type * from './wire/ollama-wire-types.js';
export { ollamaEmbeddingsDialect } from './embeddings/ollama-embeddings-dialect.js';
export type * from './wire/ollama-embed-types.js';
