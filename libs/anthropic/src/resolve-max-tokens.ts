import type { IrThinking, TranslationContext } from '@llm-router/core';
import { invalidField } from './read-request-field.js';

/**
 * The `max_tokens` Anthropic requires (docs/protocols.md §5.5, §6 #17, #21):
 * 1. the client's value, else `context.defaultMaxTokens`;
 * 2. clamped to `context.maxOutputTokens` when larger, with a warning (Claude Code's 32000 on a model
 *    capped lower must not 400);
 * 3. with thinking enabled, `max_tokens` must exceed `budget_tokens`: a DEFAULTED value is raised to
 *    budget + default (then clamped again), a client-sent value is never overwritten. A conflict that
 *    remains is a 400 naming `max_tokens`.
 */
export function resolveMaxTokens(sent: number | undefined, thinking: IrThinking | undefined, context: TranslationContext): number {
  let maxTokens = clamp(sent ?? context.defaultMaxTokens, context);
  if (thinking?.type !== 'enabled' || maxTokens > thinking.budgetTokens) return maxTokens;
  const budget = thinking.budgetTokens;
  if (sent !== undefined) {
    throw invalidField('max_tokens', `${maxTokens} must be greater than the thinking budget (${budget} tokens) for anthropic`);
  }
  maxTokens = clamp(budget + context.defaultMaxTokens, context);
  if (maxTokens <= budget) {
    throw invalidField('max_tokens', `the model's output limit (${maxTokens} tokens) leaves no room above the thinking budget (${budget} tokens)`);
  }
  return maxTokens;
}

function clamp(maxTokens: number, context: TranslationContext): number {
  const limit = context.maxOutputTokens;
  if (limit === undefined || maxTokens <= limit) return maxTokens;
  context.warnings.push(`max_tokens: ${maxTokens} exceeds the model's output limit ${limit}, clamped to ${limit}`);
  return limit;
}
