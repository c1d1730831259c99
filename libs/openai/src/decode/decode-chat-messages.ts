import type { IrMessage, IrTextPart, IrToolResultPart } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../inspect/parameter-errors.js';
import { decodeAssistantMessage } from './decode-assistant-message.js';
import { decodeTextContent } from './decode-text-content.js';
import { decodeUserContent } from './decode-user-content.js';
import { requiredString } from './field-readers.js';
import { TurnAssembler } from './turn-assembler.js';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

export interface DecodedConversation {
  system: IrTextPart[];
  messages: IrMessage[];
}

/**
 * Chat `messages` as the IR's system prompt and turns (§5.1, §5.4):
 * - leading `system`/`developer` messages become the system prompt, one text part per text;
 * - a later one becomes user text `<system-reminder>\n…\n</system-reminder>` (one turn may not carry a
 *   system prompt mid-conversation elsewhere), merged with the user turn next to it;
 * - `tool` messages become tool_result parts, named after the matching earlier assistant call, and
 *   consecutive ones share one user turn with any user text after them (§6 #20);
 * - `name` is dropped; the deprecated `function` role is a 400.
 */
export function decodeChatMessages(messages: readonly unknown[], warnings: string[]): DecodedConversation {
  const system: IrTextPart[] = [];
  const turns = new TurnAssembler();
  const toolNames = new Map<string, string>();
  let leading = true;

  messages.forEach((message: unknown, i) => {
    const at = `messages[${i}]`;
    if (!isRecord(message)) throw invalidType(at, 'an object', message);
    const role = message['role'];
    switch (role) {
      case 'system':
      case 'developer': {
        const texts = decodeTextContent(message['content'], at);
        if (leading) {
          system.push(...texts.map((text): IrTextPart => ({ type: 'text', text })));
          return;
        }
        if (texts.length > 0) turns.add('user', [{ type: 'text', text: `<system-reminder>\n${texts.join('\n\n')}\n</system-reminder>` }]);
        break;
      }
      case 'user':
        turns.add('user', decodeUserContent(message['content'], at, warnings));
        break;
      case 'assistant':
        turns.add('assistant', decodeAssistantMessage(message, at, toolNames));
        break;
      case 'tool': {
        const toolCallId = requiredString(message['tool_call_id'], `${at}.tool_call_id`);
        const text = decodeTextContent(message['content'], at).join('');
        const result: IrToolResultPart = { type: 'tool_result', toolCallId, content: text === '' ? [] : [{ type: 'text', text }], isError: false };
        const toolName = toolNames.get(toolCallId);
        turns.add('user', [toolName === undefined ? result : { ...result, toolName }]);
        break;
      }
      case 'function':
        throw untranslatable(`${at}.role`, "the deprecated 'function' role (use tool messages)");
      case undefined:
      case null:
        throw missingParameter(`${at}.role`);
      default:
        throw invalidValue(`${at}.role`, role, ROLES);
    }
    leading = false;
  });

  return { system, messages: turns.result() };
}
