/**
 * The token usage a complete passthrough answer reports, in either family's shape (OpenAI
 * `prompt_tokens`/`completion_tokens`; Anthropic `input_tokens` + cache fields / `output_tokens`), or
 * undefined when it carries none.
 */
export function usageOf(answer: unknown): { inputTokens: number; outputTokens: number } | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const usage = (answer as { usage?: unknown }).usage;
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as Record<string, unknown>;
  const n = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  if ('prompt_tokens' in u || 'completion_tokens' in u) return { inputTokens: n(u['prompt_tokens']), outputTokens: n(u['completion_tokens']) };
  if ('input_tokens' in u || 'output_tokens' in u) {
    return { inputTokens: n(u['input_tokens']) + n(u['cache_read_input_tokens']) + n(u['cache_creation_input_tokens']), outputTokens: n(u['output_tokens']) };
  }
  return undefined;
}
