import type { SseEvent } from '@llm-router/core';

/** `ClientCodec.isContentFrame` for chat chunks: a non-empty content, reasoning or refusal delta, or tool calls. */
export function isChatContentFrame(frame: SseEvent): boolean {
  return choicesOf(frame).some((choice) => {
    const delta = record(choice['delta']);
    return (
      nonEmpty(delta['content']) ||
      nonEmpty(delta['reasoning_content']) ||
      nonEmpty(delta['reasoning']) ||
      nonEmpty(delta['refusal']) ||
      (Array.isArray(delta['tool_calls']) && delta['tool_calls'].length > 0)
    );
  });
}

/** `ClientCodec.isContentFrame` for legacy completions: a non-empty `text`. */
export function isCompletionsContentFrame(frame: SseEvent): boolean {
  return choicesOf(frame).some((choice) => nonEmpty(choice['text']));
}

function choicesOf(frame: SseEvent): Record<string, unknown>[] {
  if (frame.data === '[DONE]') return [];
  try {
    const choices = record(JSON.parse(frame.data))['choices'];
    return Array.isArray(choices) ? choices.map(record) : [];
  } catch {
    return [];
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
