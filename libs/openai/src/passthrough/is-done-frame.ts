import type { SseEvent } from '@llm-router/core';

/** The successful end of an OpenAI stream (§0.2): `data: [DONE]`. */
export function isDoneFrame(frame: SseEvent): boolean {
  return frame.data === '[DONE]';
}
