import type { IrStopReason } from '@llm-router/core';

/**
 * An Anthropic `stop_reason` in IR form (docs/protocols.md §3.8, §5.6). `refusal` → content_filter,
 * `pause_turn` → pause, `model_context_window_exceeded` → max_tokens (the window, not the cap, ran
 * out, but either way the answer was cut; the raw value is kept). Anything else → `other`, with a
 * string value (a future reason) kept for the logs.
 */
export function decodeStopReason(value: unknown): { stopReason: IrStopReason; rawStopReason?: string } {
  switch (value) {
    case 'end_turn':
    case 'max_tokens':
    case 'stop_sequence':
    case 'tool_use':
      return { stopReason: value };
    case 'refusal':
      return { stopReason: 'content_filter' };
    case 'pause_turn':
      return { stopReason: 'pause' };
    case 'model_context_window_exceeded':
      return { stopReason: 'max_tokens', rawStopReason: value };
    default:
      return typeof value === 'string' ? { stopReason: 'other', rawStopReason: value } : { stopReason: 'other' };
  }
}
