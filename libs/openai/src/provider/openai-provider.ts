import type { ProviderAdapter } from '@llm-router/core';
import { openAIEmbeddingsDialect } from '../embeddings/openai-embeddings-dialect.js';
import { openAIUpstreamCodec } from '../upstream/openai-upstream-codec.js';
import { classifyOpenAIError } from './classify-openai-error.js';
import { openAIUrl } from './openai-url.js';

/**
 * The OpenAI upstream as OpenAI serves it (`api: auto`, the default): chat, legacy completions and Responses
 * requests are passed through natively, anything else (Anthropic messages) arrives translated to chat by
 * `openAIUpstreamCodec`. Sent over the app's HTTP transport (no `transport` of its own).
 */
export const openAIProvider: ProviderAdapter = {
  provider: 'openai',
  nativeFormats: ['openai-chat', 'openai-completions', 'openai-responses'],
  defaultEndpoint: 'https://api.openai.com/v1',
  url: openAIUrl,
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  requiredHeaders: {},
  classifyError: classifyOpenAIError,
  translation: openAIUpstreamCodec,
  embeddings: openAIEmbeddingsDialect,
};

/**
 * An OpenAI-compatible server that speaks chat (and legacy completions) only (`api: chat`: vLLM, LiteLLM,
 * llama.cpp, ...): Responses clients are translated to chat like Anthropic ones.
 */
export const openAIChatOnlyProvider: ProviderAdapter = {
  ...openAIProvider,
  nativeFormats: ['openai-chat', 'openai-completions'],
};
