import type { ProviderAdapter } from '@llm-router/core';
import { anthropicUpstreamCodec } from './anthropic-upstream-codec.js';
import { classifyAnthropicError } from './classify-anthropic-error.js';
import { countTokensUrl } from './count-tokens-url.js';
import { messagesUrl } from './messages-url.js';

/**
 * The Anthropic upstream. Auth is `x-api-key`. `anthropic-version` is only a default: a client's own
 * version header (e.g. `2026-10-21` from SDK 1.x) is forwarded instead. Clients of other families reach
 * it through `translation` (their `anthropic-*` headers never reach it; the router's default version does).
 */
export const anthropicProvider: ProviderAdapter = Object.freeze({
  provider: 'anthropic',
  nativeFormats: Object.freeze(['anthropic-messages'] as const),
  // The host root: `url` appends `/v1/messages`.
  defaultEndpoint: 'https://api.anthropic.com',
  url: messagesUrl,
  authHeaders: (apiKey: string) => ({ 'x-api-key': apiKey }),
  requiredHeaders: Object.freeze({ 'anthropic-version': '2023-06-01' }),
  classifyError: classifyAnthropicError,
  translation: anthropicUpstreamCodec,
  countTokensUrl,
});
