import type { SseEvent } from '@llm-router/core';

/** `"response":{` … up to its `"model": "<JSON string>"`; group 1 keeps everything before the value. */
const RESPONSE_MODEL = /("response"\s*:\s*\{[^]*?"model"\s*:\s*)"(?:[^"\\]|\\.)*"/;

/**
 * `ClientCodec.passthroughFrame` for Responses: only the events that carry a whole response object
 * (`response.created`, `.in_progress`, `.completed`, `.incomplete`, `.failed`) name a model; its value
 * is replaced by the client's model name, every other byte unchanged. The first `"model":` after
 * `"response":{` is the response's own: the keys before it (`id`, `object`, `created_at`, `status`,
 * `error`, `incomplete_details`, `instructions`…) hold strings, where a `"model"` would be escaped.
 * Other events are returned as they are.
 */
export function replaceResponseModel(frame: SseEvent & { raw: string }, clientModel: string): string {
  if (!frame.raw.includes('"response"')) return frame.raw;
  const match = RESPONSE_MODEL.exec(frame.raw);
  if (match === null) return frame.raw;
  const quoted = JSON.stringify(clientModel);
  const valueStart = match.index + (match[1] ?? '').length;
  const valueEnd = match.index + match[0].length;
  return frame.raw.slice(0, valueStart) + quoted + frame.raw.slice(valueEnd);
}
