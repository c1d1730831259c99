import type { IrStopReason } from '@llm-router/core';
import { unreachable } from '../unreachable.js';
import type { CompletionFinishReason } from '../wire/text-completion.js';

/** The legacy completions `finish_reason`, limited to stop|length|content_filter (§5.11). */
export function mapCompletionFinishReason(reason: IrStopReason): CompletionFinishReason {
  switch (reason) {
    case 'max_tokens':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'end_turn':
    case 'stop_sequence':
    case 'pause':
    case 'other':
    case 'tool_use':
      return 'stop';
    default:
      return unreachable(reason, 'stop');
  }
}
