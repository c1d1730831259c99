import type { SseEvent } from '@llm-router/core';
import { formatStreamEvent } from './format-stream-event.js';

/** `ClientCodec.terminalFrame`: `event: message_stop`, as Anthropic writes it. */
export const MESSAGE_STOP_FRAME = formatStreamEvent({ type: 'message_stop' });

/**
 * Whether a passthrough frame is the stream's successful end, `message_stop`. Anthropic always names
 * its events; an unnamed frame counts when its data's `type` is `message_stop`.
 */
export function isTerminalFrame(frame: SseEvent): boolean {
  if (frame.event !== undefined) return frame.event === 'message_stop';
  return dataType(frame.data) === 'message_stop';
}

/** Whether a passthrough frame is the upstream's in-band `event: error`; nothing may follow it. */
export function isErrorFrame(frame: SseEvent): boolean {
  if (frame.event !== undefined) return frame.event === 'error';
  return dataType(frame.data) === 'error';
}

function dataType(data: string): unknown {
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && 'type' in parsed ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}
