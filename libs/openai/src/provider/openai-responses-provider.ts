import type { ProviderAdapter } from '@llm-router/core';
import { openAIResponsesUpstreamCodec } from '../responses/upstream/responses-upstream-codec.js';
import { openAIProvider } from './openai-provider.js';

/**
 * The OpenAI upstream for a model configured with `api: responses` (models such as `gpt-5-codex` answer
 * only on `/v1/responses`): the same provider name, endpoint, auth and error classification as
 * `openAIProvider`; Responses clients are passed through to `${endpoint}/responses`, and chat, legacy
 * completions and Anthropic requests are all translated through the IR to it by `openAIResponsesUpstreamCodec`.
 */
export const openAIResponsesProvider: ProviderAdapter = {
  ...openAIProvider,
  nativeFormats: ['openai-responses'],
  translation: openAIResponsesUpstreamCodec,
};
