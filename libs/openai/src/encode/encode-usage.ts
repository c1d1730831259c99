import type { IrUsage } from '@llm-router/core';
import type { OpenAIUsage } from '../wire/openai-usage.js';

/**
 * IR usage in OpenAI's shape (§5.7). IR `inputTokens` already includes cached tokens, as `prompt_tokens`
 * does. The details objects appear only when the upstream reported what they hold.
 */
export function encodeUsage(usage: IrUsage): OpenAIUsage {
  const out: OpenAIUsage = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
  if (usage.cacheReadTokens !== undefined || usage.cacheWriteTokens !== undefined) {
    out.prompt_tokens_details = { cached_tokens: usage.cacheReadTokens ?? 0 };
    if (usage.cacheWriteTokens !== undefined) out.prompt_tokens_details.cache_write_tokens = usage.cacheWriteTokens;
  }
  if (usage.reasoningTokens !== undefined) out.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens };
  return out;
}
