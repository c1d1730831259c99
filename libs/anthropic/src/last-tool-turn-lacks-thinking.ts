import type { AnthropicRequestMessage } from './anthropic-request-types.js';

/**
 * Whether the last assistant turn uses tools without starting with a thinking block. With thinking on,
 * Anthropic 400s on such a history ("a final `assistant` message must start with a thinking block"),
 * and a history from another family never has one: its reasoning carries no Anthropic signature and
 * is dropped (§6 #15).
 */
export function lastToolTurnLacksThinking(messages: readonly AnthropicRequestMessage[]): boolean {
  const last = messages.findLast((message) => message.role === 'assistant');
  if (last === undefined || !last.content.some((block) => block.type === 'tool_use')) return false;
  const first = last.content[0];
  return first?.type !== 'thinking' && first?.type !== 'redacted_thinking';
}
