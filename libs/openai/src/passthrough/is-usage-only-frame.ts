import type { SseEvent } from '@llm-router/core';

/** An empty `choices` list: only the usage chunk has one (every content chunk has a choice). */
const EMPTY_CHOICES = /"choices"\s*:\s*\[\s*\]/;

/**
 * `ClientCodec.isUsageOnlyFrame` for both OpenAI formats: the chunk `include_usage` adds at the end of a
 * stream, `{"choices": [], "usage": {...}}`. Cheap for content frames (one regex test); a candidate is
 * parsed to be sure.
 */
export function isUsageOnlyFrame(frame: SseEvent): boolean {
  if (!EMPTY_CHOICES.test(frame.data)) return false;
  try {
    const chunk: unknown = JSON.parse(frame.data);
    if (typeof chunk !== 'object' || chunk === null) return false;
    const { choices, usage } = chunk as { choices?: unknown; usage?: unknown };
    return Array.isArray(choices) && choices.length === 0 && typeof usage === 'object' && usage !== null;
  } catch {
    return false;
  }
}
