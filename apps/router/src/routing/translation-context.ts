import type { TranslationContext } from '@llm-router/core';
import { randomBytes } from 'node:crypto';
import type { Route } from './route.js';

/** Anthropic requires max_tokens; this is what a request without one gets unless the model sets `max_tokens`. */
export const DEFAULT_MAX_TOKENS = 4096;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 24 random alphanumerics. */
export function newId(): string {
  const bytes = randomBytes(24);
  let id = '';
  for (const byte of bytes) id += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return id;
}

/**
 * The per-request context shared by the client's decoder and the upstream's encoder and decoder.
 * `estimatedInputTokens` is a rough 4-bytes-a-token count of the request body: enough for stream
 * starts that must show a non-zero prompt size before the upstream reports the real one.
 */
export function createTranslationContext(route: Route, requestBytes: number): TranslationContext {
  return {
    upstreamModel: route.model.actualModelName,
    defaultMaxTokens: route.model.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(route.model.maxOutputTokens === undefined ? {} : { maxOutputTokens: route.model.maxOutputTokens }),
    estimatedInputTokens: Math.max(1, Math.ceil(requestBytes / 4)),
    warnings: [],
    newId,
    maxFrameChars: route.streamFrameLimitChars,
  };
}
