import type { SseEvent } from '@llm-router/core';

// Passthrough of a Responses stream (§8.3): frames are told apart by their `type` (the `event:` line says the
// same, but hand-written servers sometimes leave it out). Reading the type is a cheap prefix test, not a parse.

const TYPE_FIELD = /"type"\s*:\s*"([a-z_.]+)"/;

/** The event type of a frame: its `event:` name, else the first `type` in its data. */
export function responsesEventType(frame: SseEvent): string | undefined {
  return frame.event ?? TYPE_FIELD.exec(frame.data)?.[1];
}

/** `isTerminalFrame`: the last event of every Responses stream, success or not. */
export function isResponsesTerminalFrame(frame: SseEvent): boolean {
  const type = responsesEventType(frame);
  return type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed';
}

/** `isFinishFrame`: the answer is complete; in Responses that is the terminal event itself. */
export function isResponsesFinishFrame(frame: SseEvent): boolean {
  const type = responsesEventType(frame);
  return type === 'response.completed' || type === 'response.incomplete';
}

/** Deltas that are content (§8.3); a function or custom tool call's `output_item.added` is too. */
const CONTENT_EVENTS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.custom_tool_call_input.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
]);
const TOOL_ITEM = /"item"\s*:\s*\{[^{}]*?"type"\s*:\s*"(?:function_call|custom_tool_call)"/;

/** `isContentFrame`: a text, refusal, tool-call or reasoning delta, or the opening of a tool call item. */
export function isResponsesContentFrame(frame: SseEvent): boolean {
  const type = responsesEventType(frame);
  if (type === undefined) return false;
  if (CONTENT_EVENTS.has(type)) return !/"delta"\s*:\s*""/.test(frame.data);
  return type === 'response.output_item.added' && TOOL_ITEM.test(frame.data);
}

/** `isErrorFrame`: the upstream's own in-band failure, an `error` event or `response.failed`. */
export function isResponsesErrorFrame(frame: SseEvent): boolean {
  const type = responsesEventType(frame);
  return type === 'error' || type === 'response.failed';
}
