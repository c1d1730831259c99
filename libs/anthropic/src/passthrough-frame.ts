import type { SseEvent } from '@llm-router/core';

/** The first `"model": "<json string>"` of a frame; the string body allows escaped quotes. */
const MODEL_FIELD = /("model"\s*:\s*)"(?:[^"\\]|\\.)*"/;
const MESSAGE_START_TYPE = /"type"\s*:\s*"message_start"/;

/**
 * Passthrough of one Anthropic stream frame with the model name the client asked for.
 *
 * Only `message_start` carries the model (`message.model`); there the first `"model": "…"` value is
 * replaced by the JSON-escaped client model as text, without re-serialising the JSON, so field order,
 * spacing and unknown fields survive. Every other frame (signatures, pings, errors) comes back as
 * `frame.raw` itself, byte-identical and without allocation: this runs per frame on the hot path.
 */
export function passthroughFrame(frame: SseEvent & { raw: string }, clientModel: string): string {
  if (!isMessageStart(frame)) return frame.raw;
  const escaped = JSON.stringify(clientModel);
  // A replacer function, so `$` in a model name is never read as a substitution pattern.
  return frame.raw.replace(MODEL_FIELD, (_match, head: string) => head + escaped);
}

function isMessageStart(frame: SseEvent): boolean {
  if (frame.event !== undefined) return frame.event === 'message_start';
  return MESSAGE_START_TYPE.test(frame.data);
}
