import type { IrStopReason } from '@llm-router/core';

/**
 * An upstream chat `finish_reason` as an IR stop reason (§1.7, §5.6), before the tool overrides of
 * `settleStopReason`. Unknown vendor values are `other` (the caller keeps the raw value); a missing one
 * in a complete answer is a natural end.
 */
export function decodeFinishReason(reason: string | undefined): IrStopReason {
  switch (reason) {
    case undefined:
    case 'stop':
      return 'end_turn';
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'other';
  }
}

/**
 * The overrides of §0.7 / §5.6, the same for complete and streamed answers: a turn with a tool call
 * stops for `tool_use` unless the token limit cut it; a turn without one never claims `tool_use`.
 */
export function settleStopReason(reason: IrStopReason, sawToolCall: boolean): IrStopReason {
  if (sawToolCall && reason !== 'max_tokens') return 'tool_use';
  if (!sawToolCall && reason === 'tool_use') return 'end_turn';
  return reason;
}
