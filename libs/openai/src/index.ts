// Public API of @llm-router/openai: the OpenAI API family (chat and legacy completions).
// Client side: one ClientCodec per format. Upstream side: the OpenAI ProviderAdapter.
export { openAIChatCodec } from './codec/openai-chat-codec.js';
export { openAICompletionsCodec } from './codec/openai-completions-codec.js';
export { openAIProvider } from './provider/openai-provider.js';
