import type { TranslationContext } from '@llm-router/core';

/**
 * The prompt-size estimate every conformance context reports. The app derives it from the request's size;
 * a constant keeps the golden files readable: wherever `100` shows up as input tokens, it is the estimate
 * (e.g. an Anthropic `message_start` before an OpenAI or Ollama upstream reported the real count).
 */
export const ESTIMATED_INPUT_TOKENS = 100;

/**
 * A deterministic TranslationContext, one per translated request (as in the app): ids come from a counter
 * (`id00…01`, `id00…02`, … 24 alphanumerics), so golden files do not change between runs.
 */
export function conformanceContext(upstreamModel: string): TranslationContext {
  let counter = 0;
  return {
    upstreamModel,
    defaultMaxTokens: 4096,
    estimatedInputTokens: ESTIMATED_INPUT_TOKENS,
    warnings: [],
    newId: () => `id${String(++counter).padStart(22, '0')}`,
  };
}
