import type { IrRequest, TranslationContext } from '@llm-router/core';

/** Ollama's top-level `logprobs` / `top_logprobs` fields. */
export type OllamaLogprobs = { logprobs?: true; top_logprobs?: number };

/**
 * Log probabilities, asked for at the top level (`logprobs: true`, `top_logprobs` when > 0) as §5.10
 * maps them. Surprise: the IR response has no place for them yet, so the router cannot return what
 * Ollama sends back; a warning says so.
 */
export function encodeLogprobs(request: IrRequest, context: TranslationContext): OllamaLogprobs {
  if (request.logprobs === undefined) return {};
  context.warnings.push('logprobs: requested from ollama, but the router does not return log probabilities yet');
  return request.logprobs.top > 0 ? { logprobs: true, top_logprobs: request.logprobs.top } : { logprobs: true };
}
