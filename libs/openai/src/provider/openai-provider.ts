import type { ProviderAdapter } from '@llm-router/core';
import { openAIEmbeddingsDialect } from '../embeddings/openai-embeddings-dialect.js';
import { openAIUpstreamCodec } from '../upstream/openai-upstream-codec.js';
import { classifyOpenAIError } from './classify-openai-error.js';
import { openAIUrl } from './openai-url.js';

/**
 * The OpenAI(-compatible) upstream: chat and legacy completions are passed through natively, anything
 * else (Anthropic messages) arrives translated to chat by `openAIUpstreamCodec`. Sent over the app's
 * HTTP transport (no `transport` of its own).
 */
export const openAIProvider: ProviderAdapter = {
  provider: 'openai',
  nativeFormats: ['openai-chat', 'openai-completions'],
  defaultEndpoint: 'https://api.openai.com/v1',
  url: openAIUrl,
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  requiredHeaders: {},
  classifyError: classifyOpenAIError,
  translation: openAIUpstreamCodec,
  embeddings: openAIEmbeddingsDialect,
};
