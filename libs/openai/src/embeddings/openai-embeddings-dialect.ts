import type { PassthroughEmbeddingsDialect } from '@llm-router/core';

/**
 * `POST /v1/embeddings` to an OpenAI(-compatible) upstream: passthrough to `<endpoint>/embeddings`
 * (`endpoint` includes the version, as for chat). The upstream honours `encoding_format` itself, so its
 * base64 answers reach the client byte for byte.
 */
export const openAIEmbeddingsDialect: PassthroughEmbeddingsDialect = Object.freeze({
  passthrough: true as const,
  url: (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/embeddings`,
});
