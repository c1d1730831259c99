import { formatSseEvent, type RouterError } from '@llm-router/core';
import { openAIErrorBody } from '../../errors/openai-error-body.js';

/**
 * The Responses `error` event (§8.3) for a failure after the stream started: `{type: "error", code,
 * message, param, sequence_number}` as the API documents it, plus the Chat-style `error` object, because
 * the official SDK's stream reader throws on any event whose data has an `error` member (and would pass
 * the documented fields through silently). Nothing may follow it.
 */
export function responsesErrorEvent(error: RouterError, sequenceNumber: number): string {
  const body = openAIErrorBody(error).error;
  return formatSseEvent(
    JSON.stringify({ type: 'error', sequence_number: sequenceNumber, code: body.code ?? body.type, message: body.message, param: body.param, error: body }),
    'error',
  );
}

/**
 * `ClientCodec.streamErrorFrame` (no encoder state: a passthrough stream cut short, a shutdown): the `error`
 * event alone. Its `sequence_number` cannot continue the upstream's count, so it is 0.
 */
export function responsesStreamErrorFrame(error: RouterError): string {
  return responsesErrorEvent(error, 0);
}
