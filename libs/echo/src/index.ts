// Public API of @llm-router/echo: the no-network provider that answers with the request it was sent.
export { EchoProvider, ECHO_DEFAULT_ENDPOINT, type EchoProviderOptions } from './echo-provider.js';
export type { EchoedRequest } from './echo-answer.js';
export { echoEmbedding, ECHO_EMBEDDING_DIMENSIONS } from './echo-embedding.js';
export { echoEmbeddingsDialect } from './echo-embeddings-dialect.js';
