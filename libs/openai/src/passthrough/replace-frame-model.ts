import type { SseEvent } from '@llm-router/core';

/**
 * The first `"model": "<JSON string>"` in a frame; group 1 keeps the key, colon and whitespace exactly.
 * Not global (`g`), so it holds no `lastIndex` state and is safe to share between streams.
 */
const MODEL_FIELD = /("model"\s*:\s*)"(?:[^"\\]|\\.)*"/;

/**
 * `ClientCodec.passthroughFrame` for both OpenAI formats: the frame's raw text with the value of its
 * top-level `model` replaced by the client's model name, every other byte unchanged (no re-serialising).
 *
 * The first match is the top-level key: in OpenAI chunks the only unescaped `"model":` is the top-level
 * one (tool arguments and text are JSON strings, so any `"model"` inside them is escaped as `\"model\"`).
 * Returns `frame.raw` itself for `[DONE]`, frames without a model and frames already naming clientModel.
 */
export function replaceFrameModel(frame: SseEvent & { raw: string }, clientModel: string): string {
  if (frame.data === '[DONE]') return frame.raw;
  const match = MODEL_FIELD.exec(frame.raw);
  if (match === null) return frame.raw;
  const quoted = JSON.stringify(clientModel);
  const key = match[1] ?? '';
  const valueStart = match.index + key.length;
  const valueEnd = match.index + match[0].length;
  if (valueEnd - valueStart === quoted.length && frame.raw.startsWith(quoted, valueStart)) return frame.raw;
  return frame.raw.slice(0, valueStart) + quoted + frame.raw.slice(valueEnd);
}
