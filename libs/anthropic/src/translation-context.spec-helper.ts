import type { TranslationContext } from '@llm-router/core';

/** A deterministic TranslationContext for specs: ids `id000000000000000000000001`, `…02`, … */
export function testContext(overrides: Partial<TranslationContext> = {}): TranslationContext {
  let counter = 0;
  return {
    upstreamModel: 'claude-haiku-4-5-20251001',
    defaultMaxTokens: 4096,
    estimatedInputTokens: 100,
    warnings: [],
    newId: () => `id${String(++counter).padStart(22, '0')}`,
    ...overrides,
  };
}
