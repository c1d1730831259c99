import type { IrMessage, IrTextPart } from '@llm-router/core';
import { decodeRequestContent } from './decode-request-content.js';
import { decodeSystemPrompt } from './decode-system-prompt.js';
import { invalidField, readList, readRecord } from './read-request-field.js';
import { mergeIrTurns } from './merge-ir-turns.js';
import type { ToolLoading } from './tool-loading.js';

/**
 * `messages` as IR turns (docs/protocols.md §5.1). `system` receives the text of SDK 1.x
 * `role:"system"` messages that no assistant turn precedes; a later one becomes user text wrapped in
 * `<system-reminder>` (merged into the neighbouring user turn), because most families only take a
 * system prompt up front. Adjacent same-role turns are merged, tool results first. `loading` learns
 * which deferred tools the conversation has loaded (see `ToolLoading`).
 */
export function decodeRequestMessages(value: unknown, system: IrTextPart[], loading: ToolLoading): IrMessage[] {
  const toolNames = new Map<string, string>();
  const messages: IrMessage[] = [];
  let sawAssistant = false;
  readList(value, 'messages').forEach((item, i) => {
    const path = `messages[${i}]`;
    const message = readRecord(item, path);
    const role = message['role'];
    switch (role) {
      case 'user':
      case 'assistant':
        if (role === 'assistant') sawAssistant = true;
        messages.push({ role, parts: decodeRequestContent(message['content'], role, `${path}.content`, toolNames, loading) });
        return;
      case 'system': {
        const texts = decodeSystemPrompt(message['content'], `${path}.content`);
        if (!sawAssistant) {
          system.push(...texts);
          return;
        }
        const text = texts.map((part) => part.text).join('\n\n');
        if (text !== '') messages.push({ role: 'user', parts: [{ type: 'text', text: `<system-reminder>\n${text}\n</system-reminder>` }] });
        return;
      }
      default:
        throw invalidField(`${path}.role`, "Input should be 'user', 'assistant' or 'system'");
    }
  });
  return mergeIrTurns(messages);
}
