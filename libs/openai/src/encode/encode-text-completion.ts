import type { IrResponse } from '@llm-router/core';
import type { TextCompletion } from '../wire/text-completion.js';
import { encodeUsage } from './encode-usage.js';
import { ensureIdPrefix } from './ensure-id-prefix.js';
import { mapCompletionFinishReason } from './map-completion-finish-reason.js';
import { splitResponseParts } from './split-response-parts.js';

/** `ClientCodec.encodeResponse` for legacy completions: a `text_completion` with one choice (§2). */
export function encodeTextCompletion(response: IrResponse): TextCompletion {
  const { text } = splitResponseParts(response.parts);
  return {
    id: ensureIdPrefix(response.id, 'cmpl-'),
    object: 'text_completion',
    created: response.created,
    model: response.model,
    choices: [{ text: text ?? '', index: 0, logprobs: null, finish_reason: mapCompletionFinishReason(response.stopReason) }],
    usage: encodeUsage(response.usage),
  };
}
