import type { SseEvent } from '@llm-router/core';

/**
 * `ClientCodec.isFinishFrame`: the `message_delta` that carries the `stop_reason`. Only `message_stop`
 * may follow it; an upstream that ends the body here has sent a complete answer. Anthropic names its
 * events; an unnamed frame counts when its data's `type` is `message_delta`. Only those frames are parsed.
 */
export function isFinishFrame(frame: SseEvent): boolean {
  if (frame.event !== undefined && frame.event !== 'message_delta') return false;
  try {
    const data: unknown = JSON.parse(frame.data);
    if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'message_delta') return false;
    if (!('delta' in data) || typeof data.delta !== 'object' || data.delta === null) return false;
    return 'stop_reason' in data.delta && data.delta.stop_reason !== null && data.delta.stop_reason !== undefined;
  } catch {
    return false;
  }
}

