import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter } from '../inspect/parameter-errors.js';
import { requiredString } from './field-readers.js';

/**
 * The texts of a `system`, `developer` or `tool` message's `content` (§1.3): a string, or text parts
 * only. Any other part type is a 400 naming `messages[i].content[j].type`, never dropped (§6 #19).
 * Empty texts are left out.
 */
export function decodeTextContent(content: unknown, at: string): string[] {
  if (content === undefined || content === null) throw missingParameter(`${at}.content`);
  if (typeof content === 'string') return content === '' ? [] : [content];
  if (!Array.isArray(content)) throw invalidType(`${at}.content`, 'a string or an array of text parts', content);
  const texts: string[] = [];
  content.forEach((part: unknown, j) => {
    const param = `${at}.content[${j}]`;
    if (!isRecord(part)) throw invalidType(param, 'an object', part);
    const type = part['type'];
    if (type === undefined || type === null) throw missingParameter(`${param}.type`);
    if (type !== 'text') throw invalidValue(`${param}.type`, type, ['text']);
    const text = requiredString(part['text'], `${param}.text`);
    if (text !== '') texts.push(text);
  });
  return texts;
}
