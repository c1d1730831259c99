import type { IrMessage } from '@llm-router/core';

/**
 * Adjacent same-role messages merged into one, as the Anthropic API does itself, with every user
 * turn's tool results moved to its front (stable): families that split a user turn into tool messages
 * plus user text need the results to answer the assistant turn right before. Messages without parts
 * are dropped. Returns new message objects; the input is not changed.
 */
export function mergeIrTurns(messages: readonly IrMessage[]): IrMessage[] {
  const merged: IrMessage[] = [];
  for (const message of messages) {
    if (message.parts.length === 0) continue;
    const last = merged.at(-1);
    if (last !== undefined && last.role === message.role) last.parts.push(...message.parts);
    else merged.push({ role: message.role, parts: [...message.parts] });
  }
  for (const message of merged) {
    if (message.role !== 'user') continue;
    message.parts = [
      ...message.parts.filter((part) => part.type === 'tool_result'),
      ...message.parts.filter((part) => part.type !== 'tool_result'),
    ];
  }
  return merged;
}
