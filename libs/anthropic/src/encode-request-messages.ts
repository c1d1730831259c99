import type { IrMessage } from '@llm-router/core';
import type { AnthropicRequestBlock, AnthropicRequestMessage } from './anthropic-request-types.js';
import { encodeRequestBlock } from './encode-request-block.js';

/**
 * IR turns as Anthropic `messages` (docs/protocols.md §3.3, §5.1, §5.4):
 * - roles user/assistant only (system text was hoisted by the client decoder);
 * - a turn left without blocks (only blank text, only unsigned thinking) is dropped, and adjacent
 *   same-role turns are merged: Anthropic 400s on empty content;
 * - in a user turn every tool_result block comes first, then the other content (§6 #20): Anthropic
 *   requires the results at the start of the message right after the tool_use turn.
 * Errors name the part by its IR position, `messages[i].content[j]`.
 */
export function encodeRequestMessages(messages: readonly IrMessage[], toolId: (id: string) => string): AnthropicRequestMessage[] {
  const encoded: AnthropicRequestMessage[] = [];
  messages.forEach((message, i) => {
    const content: AnthropicRequestBlock[] = [];
    message.parts.forEach((part, j) => {
      const block = encodeRequestBlock(part, message.role, `messages[${i}].content[${j}]`, toolId);
      if (block !== undefined) content.push(block);
    });
    if (content.length === 0) return;
    const last = encoded.at(-1);
    if (last !== undefined && last.role === message.role) last.content.push(...content);
    else encoded.push({ role: message.role, content });
  });
  for (const message of encoded) {
    if (message.role !== 'user') continue;
    message.content = [
      ...message.content.filter((block) => block.type === 'tool_result'),
      ...message.content.filter((block) => block.type !== 'tool_result'),
    ];
  }
  return encoded;
}
