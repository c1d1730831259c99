import type { IrUsage } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * An upstream `usage` object as IR usage (§1.4, §5.7): `prompt_tokens` is the whole prompt, as in the IR,
 * with the cached part split out as `cacheReadTokens` (§6 #7) and cache writes as `cacheWriteTokens`
 * (`prompt_tokens_details.cache_write_tokens`, or top-level `cache_write_tokens` as some compatible
 * servers put it). Undefined when `value` is no usage object (`null` on ordinary stream chunks).
 */
export function decodeOpenAIUsage(value: unknown): IrUsage | undefined {
  if (!isRecord(value)) return undefined;
  const usage: IrUsage = { inputTokens: count(value['prompt_tokens']) ?? 0, outputTokens: count(value['completion_tokens']) ?? 0 };
  const prompt = isRecord(value['prompt_tokens_details']) ? value['prompt_tokens_details'] : {};
  const completion = isRecord(value['completion_tokens_details']) ? value['completion_tokens_details'] : {};
  const cacheRead = count(prompt['cached_tokens']);
  const cacheWrite = count(prompt['cache_write_tokens']) ?? count(value['cache_write_tokens']);
  const reasoning = count(completion['reasoning_tokens']);
  if (cacheRead !== undefined) usage.cacheReadTokens = cacheRead;
  if (cacheWrite !== undefined) usage.cacheWriteTokens = cacheWrite;
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  return usage;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
