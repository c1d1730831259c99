import type { IrRequest, TranslationContext } from '@llm-router/core';
import type { OllamaChatRequest } from '../wire/ollama-wire-types.js';
import { encodeFormat } from './encode-format.js';
import { encodeLogprobs } from './encode-logprobs.js';
import { encodeMessages } from './encode-messages.js';
import { encodeOptions } from './encode-options.js';
import { encodeThink } from './encode-think.js';
import { encodeTools } from './encode-tools.js';

/**
 * A chat request as the `/api/chat` body: `{model, messages, tools?, format?, think?, options, stream}`.
 * `model` is the upstream model, `stream` always explicit (Ollama streams when it is absent). `user` is
 * dropped: Ollama has no such field.
 */
export function encodeChatRequest(request: IrRequest, context: TranslationContext): OllamaChatRequest {
  const body: OllamaChatRequest = {
    model: context.upstreamModel,
    messages: encodeMessages(request, context),
    options: encodeOptions(request, context),
    stream: request.stream,
  };
  const tools = encodeTools(request, context);
  if (tools !== undefined) body.tools = tools;
  const format = encodeFormat(request.responseFormat);
  if (format !== undefined) body.format = format;
  const think = encodeThink(request.thinking, request.effort);
  if (think !== undefined) body.think = think;
  return { ...body, ...encodeLogprobs(request, context) };
}
