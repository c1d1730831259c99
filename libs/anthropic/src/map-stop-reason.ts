import type { IrStopReason } from '@llm-router/core';
import type { AnthropicStopReason } from './anthropic-wire-types.js';

/**
 * The Anthropic `stop_reason` for an IR reason, made consistent with the content (docs/protocols.md
 * §0.7, §5.6): a turn that emitted a `tool_use` block says `tool_use` unless it was cut by the token
 * limit, and a turn without one never says `tool_use`.
 */
export function mapStopReason(reason: IrStopReason, sawToolUse: boolean): AnthropicStopReason {
  const mapped = stopReasonFor(reason);
  if (sawToolUse && mapped !== 'max_tokens') return 'tool_use';
  if (!sawToolUse && mapped === 'tool_use') return 'end_turn';
  return mapped;
}

function stopReasonFor(reason: IrStopReason): AnthropicStopReason {
  switch (reason) {
    case 'end_turn':
      return 'end_turn';
    case 'max_tokens':
      return 'max_tokens';
    case 'stop_sequence':
      return 'stop_sequence';
    case 'tool_use':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    case 'pause':
      return 'pause_turn';
    case 'other':
      return 'end_turn';
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
