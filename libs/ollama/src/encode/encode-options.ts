import type { IrRequest, TranslationContext } from '@llm-router/core';
import type { OllamaOptions } from '../wire/ollama-wire-types.js';

/**
 * The generation parameters as Ollama `options` (§4.3, §5.5). Only what the client gave is sent:
 * without a client `maxTokens`, `num_predict` is left out (Ollama then generates until EOS or a full
 * context). A `maxTokens` above the model's `maxOutputTokens` is clamped, with a warning (§6 #21).
 */
export function encodeOptions(request: IrRequest, context: TranslationContext): OllamaOptions {
  const options: OllamaOptions = {};
  if (request.maxTokens !== undefined) options.num_predict = clampMaxTokens(request.maxTokens, context);
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.topP !== undefined) options.top_p = request.topP;
  if (request.topK !== undefined) options.top_k = request.topK;
  if (request.stop !== undefined && request.stop.length > 0) options.stop = [...request.stop];
  if (request.seed !== undefined) options.seed = request.seed;
  if (request.presencePenalty !== undefined) options.presence_penalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) options.frequency_penalty = request.frequencyPenalty;
  return options;
}

function clampMaxTokens(maxTokens: number, context: TranslationContext): number {
  const ceiling = context.maxOutputTokens;
  if (ceiling === undefined || maxTokens <= ceiling) return maxTokens;
  context.warnings.push(`max_tokens: ${maxTokens} exceeds the model's limit of ${ceiling}, clamped`);
  return ceiling;
}
