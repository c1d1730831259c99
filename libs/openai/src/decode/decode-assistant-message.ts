import type { IrPart } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../inspect/parameter-errors.js';
import { decodeToolCallArguments } from './decode-tool-call-arguments.js';
import { optionalArray, optionalString, requiredRecord, requiredString } from './field-readers.js';

/**
 * An `assistant` message at `at` (`messages[i]`) as IR parts (§1.3, §5.4): its text (a string, or
 * `text`/`refusal` parts; a `refusal` string too), then one tool_call part per `tool_calls` entry, with
 * `arguments` parsed. Empty texts are left out, so `content: ""` beside tool calls yields only the calls
 * (§6 #22). Each call's name is recorded in `toolNames` by id, for the tool results that follow.
 * `audio` (a previous audio answer), custom tool calls and the deprecated `function_call` are 400s.
 */
export function decodeAssistantMessage(message: Record<string, unknown>, at: string, toolNames: Map<string, string>): IrPart[] {
  const parts: IrPart[] = [];
  const pushText = (text: string) => {
    if (text !== '') parts.push({ type: 'text', text });
  };

  const content = message['content'];
  if (typeof content === 'string') pushText(content);
  else if (Array.isArray(content)) {
    content.forEach((part: unknown, j) => {
      const param = `${at}.content[${j}]`;
      if (!isRecord(part)) throw invalidType(param, 'an object', part);
      const type = part['type'];
      if (type === 'text') pushText(requiredString(part['text'], `${param}.text`));
      else if (type === 'refusal') pushText(requiredString(part['refusal'], `${param}.refusal`));
      else if (type === undefined || type === null) throw missingParameter(`${param}.type`);
      else throw invalidValue(`${param}.type`, type, ['text', 'refusal']);
    });
  } else if (content !== undefined && content !== null) {
    throw invalidType(`${at}.content`, 'a string, an array of content parts or null', content);
  }
  pushText(optionalString(message['refusal'], `${at}.refusal`) ?? '');

  if (message['audio'] !== undefined && message['audio'] !== null) throw untranslatable(`${at}.audio`, 'audio answers');
  if (message['function_call'] !== undefined && message['function_call'] !== null) {
    throw untranslatable(`${at}.function_call`, 'deprecated function calls');
  }

  const calls = optionalArray(message['tool_calls'], `${at}.tool_calls`) ?? [];
  calls.forEach((call: unknown, k) => {
    const param = `${at}.tool_calls[${k}]`;
    if (!isRecord(call)) throw invalidType(param, 'an object', call);
    const type = call['type'];
    if (type === 'custom') throw untranslatable(`${param}.type`, 'custom tool calls');
    if (type !== undefined && type !== null && type !== 'function') throw invalidValue(`${param}.type`, type, ['function', 'custom']);
    const id = requiredString(call['id'], `${param}.id`);
    const fn = requiredRecord(call['function'], `${param}.function`);
    const name = requiredString(fn['name'], `${param}.function.name`);
    const args = requiredString(fn['arguments'], `${param}.function.arguments`);
    parts.push({ type: 'tool_call', id, name, arguments: decodeToolCallArguments(args, `${param}.function.arguments`) });
    toolNames.set(id, name);
  });
  return parts;
}
