import { formatSseEvent, type RouterError } from '@llm-router/core';
import { openAIErrorBody } from './openai-error-body.js';

/**
 * `ClientCodec.streamErrorFrame`: `data: {"error":{…}}` with no `event:` line (hand-written parsers
 * ignore event names; the SDK throws on any data object with an `error` member). Nothing may follow
 * it, `[DONE]` least of all: a stream that ends after `[DONE]` reads as a success.
 */
export function openAIStreamErrorFrame(error: RouterError): string {
  return formatSseEvent(JSON.stringify(openAIErrorBody(error)));
}
