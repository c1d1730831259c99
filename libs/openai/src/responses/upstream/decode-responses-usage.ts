import type { IrUsage } from '@llm-router/core';
import { isRecord } from '../../is-record.js';

/**
 * A Responses `usage` object as IR usage (§8.2): `input_tokens` is the whole prompt (as in the IR), its
 * `input_tokens_details.cached_tokens` the cache reads, `output_tokens_details.reasoning_tokens` the
 * reasoning part of the output. Undefined when `value` is no usage object (`null` before the end).
 */
export function decodeResponsesUsage(value: unknown): IrUsage | undefined {
  if (!isRecord(value)) return undefined;
  const usage: IrUsage = { inputTokens: count(value['input_tokens']) ?? 0, outputTokens: count(value['output_tokens']) ?? 0 };
  const input = isRecord(value['input_tokens_details']) ? value['input_tokens_details'] : {};
  const output = isRecord(value['output_tokens_details']) ? value['output_tokens_details'] : {};
  const cached = count(input['cached_tokens']);
  const reasoning = count(output['reasoning_tokens']);
  if (cached !== undefined) usage.cacheReadTokens = cached;
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  return usage;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
