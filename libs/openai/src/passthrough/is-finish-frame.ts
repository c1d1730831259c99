import type { SseEvent } from '@llm-router/core';

/**
 * A `"finish_reason"` key with a string value. In OpenAI chunks an unescaped `"finish_reason"` is a key
 * of the chunk itself (text and tool arguments are JSON strings, where quotes are escaped), so the test
 * is cheap for the many frames that are content; the few that match are parsed to be sure.
 */
const FINISH_REASON = /"finish_reason"\s*:\s*"/;

/**
 * `ClientCodec.isFinishFrame` for both OpenAI formats (chat chunks and legacy completions): a chunk with
 * a non-null `finish_reason` in one of its choices. The usage chunk (`choices: []`) and `[DONE]` may
 * still follow; an upstream that ends the body here has still sent a complete answer.
 */
export function isFinishFrame(frame: SseEvent): boolean {
  if (!FINISH_REASON.test(frame.data)) return false;
  try {
    const chunk: unknown = JSON.parse(frame.data);
    if (typeof chunk !== 'object' || chunk === null || !('choices' in chunk) || !Array.isArray(chunk.choices)) return false;
    return chunk.choices.some(
      (choice: unknown) => typeof choice === 'object' && choice !== null && 'finish_reason' in choice && typeof choice.finish_reason === 'string',
    );
  } catch {
    return false;
  }
}
