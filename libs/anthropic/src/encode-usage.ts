import type { IrUsage } from '@llm-router/core';
import type { AnthropicUsage } from './anthropic-wire-types.js';

/**
 * IR usage in Anthropic's convention. The IR's `inputTokens` is the whole prompt; Anthropic's
 * `input_tokens` excludes what was read from or written to the cache (docs/protocols.md §5.7), so
 * 9888 prompt tokens with 6752 cache reads become `input_tokens` 3136. Never negative; absent
 * counters are 0.
 */
export function encodeUsage(usage: Partial<IrUsage>): AnthropicUsage {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage.inputTokens ?? 0) - cacheRead - cacheWrite),
    output_tokens: usage.outputTokens ?? 0,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
  };
}
