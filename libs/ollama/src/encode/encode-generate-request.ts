import { type IrRequest, RouterError, type TranslationContext } from '@llm-router/core';
import type { OllamaGenerateRequest } from '../wire/ollama-wire-types.js';
import { encodeLogprobs } from './encode-logprobs.js';
import { encodeOptions } from './encode-options.js';

/**
 * A legacy completion as the `/api/generate` body (§5.11): the prompt as is, `raw: true` so no chat
 * template wraps it, the same `options` as chat. `echo` is refused with a 400.
 *
 * Surprise: Ollama ignores `suffix` in raw mode (the suffix only ever reaches the model through the
 * template's fill-in-the-middle branch). So a request with a suffix is sent with `raw: false`: Ollama
 * then renders the model's own FIM template around prompt and suffix, or answers 400 "does not support
 * insert" for models that have none.
 */
export function encodeGenerateRequest(request: IrRequest, completion: NonNullable<IrRequest['completion']>, context: TranslationContext): OllamaGenerateRequest {
  if (completion.echo === true) {
    throw RouterError.invalidRequest('echo: ollama cannot echo the prompt back; send echo=false or omit it', 'echo');
  }
  const suffix = completion.suffix ?? '';
  const body: OllamaGenerateRequest = {
    model: context.upstreamModel,
    prompt: completion.prompt,
    raw: suffix === '',
    options: encodeOptions(request, context),
    stream: request.stream,
  };
  if (suffix !== '') body.suffix = suffix;
  return { ...body, ...encodeLogprobs(request, context) };
}
