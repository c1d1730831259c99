import type { IrUsage } from '@llm-router/core';
import { isRecord } from './read-request-field.js';

/** The counters of an Anthropic usage object, each present only when the wire carried a number. */
export interface UsageCounters {
  input?: number;
  cacheRead?: number;
  cacheWrite?: number;
  output?: number;
  thinking?: number;
}

/**
 * The counters of an Anthropic usage object (from a `message`, `message_start` or `message_delta`).
 * Cache counters may be absent or `null`; non-numbers are ignored, never trusted. A stream merges the
 * counters field by field (`message_delta` overwrites only what it carries, as the SDK does).
 */
export function readUsageCounters(value: unknown): UsageCounters {
  if (!isRecord(value)) return {};
  const details = value['output_tokens_details'];
  const counters: UsageCounters = {
    input: count(value['input_tokens']),
    cacheRead: count(value['cache_read_input_tokens']),
    cacheWrite: count(value['cache_creation_input_tokens']),
    output: count(value['output_tokens']),
    thinking: isRecord(details) ? count(details['thinking_tokens']) : undefined,
  };
  for (const key of Object.keys(counters) as Array<keyof UsageCounters>) {
    if (counters[key] === undefined) delete counters[key];
  }
  return counters;
}

/**
 * Counters in IR form (docs/protocols.md §5.7), with only what is known. Anthropic's `input_tokens`
 * excludes the cache, so the IR's whole prompt is input + cache read + cache write. SDK 1.x
 * `output_tokens_details.thinking_tokens` → `reasoningTokens`.
 */
export function irUsageOf(counters: UsageCounters): Partial<IrUsage> {
  const usage: Partial<IrUsage> = {};
  if (counters.input !== undefined || counters.cacheRead !== undefined || counters.cacheWrite !== undefined) {
    usage.inputTokens = (counters.input ?? 0) + (counters.cacheRead ?? 0) + (counters.cacheWrite ?? 0);
  }
  if (counters.output !== undefined) usage.outputTokens = counters.output;
  if (counters.cacheRead !== undefined) usage.cacheReadTokens = counters.cacheRead;
  if (counters.cacheWrite !== undefined) usage.cacheWriteTokens = counters.cacheWrite;
  if (counters.thinking !== undefined) usage.reasoningTokens = counters.thinking;
  return usage;
}

/** An Anthropic usage object in IR form. */
export function decodeUsage(value: unknown): Partial<IrUsage> {
  return irUsageOf(readUsageCounters(value));
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
