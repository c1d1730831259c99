import type { IrStopReason } from '@llm-router/core';

/**
 * Ollama's `done_reason` as an IR stop reason (§5.6). `length` is `max_tokens` even when a tool call was
 * made. Otherwise a tool call seen anywhere in the answer makes it `tool_use`: Ollama keeps saying `stop`
 * after tool calls (§6 #3). `stop`, `load`, `unload`, an unknown or a missing reason are `end_turn`.
 */
export function mapDoneReason(doneReason: string | undefined, sawToolCall: boolean): IrStopReason {
  if (doneReason === 'length') return 'max_tokens';
  return sawToolCall ? 'tool_use' : 'end_turn';
}
