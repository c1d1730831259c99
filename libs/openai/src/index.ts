// Public API of @llm-router/openai: the OpenAI API family (chat, legacy completions and Responses).
// Client side: one ClientCodec per format (inspect, decode to the IR, encode from it, errors, passthrough).
// Upstream side: the OpenAI ProviderAdapter, whose `translation` is the UpstreamCodec below.
export { openAIChatCodec } from './codec/openai-chat-codec.js';
export { openAICompletionsCodec } from './codec/openai-completions-codec.js';
export { openAIResponsesCodec } from './responses/client/openai-responses-codec.js';
export { openAIChatOnlyProvider, openAIProvider } from './provider/openai-provider.js';
export { openAIUpstreamCodec } from './upstream/openai-upstream-codec.js';
export { openAIEmbeddingsDialect } from './embeddings/openai-embeddings-dialect.js';
// The Responses API as an upstream dialect (`api: responses` on an openai model).
export { openAIResponsesProvider } from './provider/openai-responses-provider.js';
export { openAIResponsesUpstreamCodec, RESPONSES_PATH } from './responses/upstream/responses-upstream-codec.js';
