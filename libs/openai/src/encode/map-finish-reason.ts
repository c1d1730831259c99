import type { IrStopReason } from '@llm-router/core';
import { unreachable } from '../unreachable.js';
import type { ChatFinishReason } from '../wire/chat-completion.js';

/**
 * The chat `finish_reason` for an IR stop reason (§5.6), with the tool overrides of §0.7: any tool call
 * emitted and not cut by the token limit -> `tool_calls`; no tool call emitted -> never `tool_calls`
 * (an upstream `tool_use` with nothing parsed becomes `stop`). Vendor reasons never leak (§6 #9).
 */
export function mapFinishReason(reason: IrStopReason, emittedToolCall: boolean): ChatFinishReason {
  if (emittedToolCall && reason !== 'max_tokens') return 'tool_calls';
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause':
    case 'other':
    case 'tool_use':
      return 'stop';
    case 'max_tokens':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    default:
      return unreachable(reason, 'stop');
  }
}
