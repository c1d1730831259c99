import type { IrUsage } from '@llm-router/core';
import type { OllamaChunk } from './ollama-chunk.js';

/**
 * Usage from the final object (§5.7): `prompt_eval_count` in, `eval_count` out, 0 when omitted (Ollama
 * omits zero counts). Surprise: when Ollama reused its KV cache, `prompt_eval_count` counts only the
 * re-evaluated part of the prompt, so it can be far below the real prompt size.
 */
export function readUsage(chunk: OllamaChunk): IrUsage {
  return { inputTokens: chunk.promptEvalCount ?? 0, outputTokens: chunk.evalCount ?? 0 };
}
