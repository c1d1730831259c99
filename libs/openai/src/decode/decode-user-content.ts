import type { IrPart } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../inspect/parameter-errors.js';
import { decodeFilePart } from './decode-file-part.js';
import { decodeImageUrlPart } from './decode-image-url-part.js';
import { requiredString } from './field-readers.js';

const USER_PART_TYPES = ['text', 'image_url', 'input_audio', 'file'] as const;

/**
 * A `user` message's `content` (§1.3, §5.2): a string or parts `text`, `image_url`, `file`.
 * `input_audio` is a 400 (no other family takes audio); any other part type, e.g. an Anthropic
 * `tool_use` sent to the OpenAI endpoint, is a 400 naming `messages[i].content[j].type`, never dropped
 * (§6 #19). Empty texts are left out.
 */
export function decodeUserContent(content: unknown, at: string, warnings: string[]): IrPart[] {
  if (content === undefined || content === null) throw missingParameter(`${at}.content`);
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw invalidType(`${at}.content`, 'a string or an array of content parts', content);
  const parts: IrPart[] = [];
  content.forEach((part: unknown, j) => {
    const param = `${at}.content[${j}]`;
    if (!isRecord(part)) throw invalidType(param, 'an object', part);
    const type = part['type'];
    switch (type) {
      case 'text': {
        const text = requiredString(part['text'], `${param}.text`);
        if (text !== '') parts.push({ type: 'text', text });
        return;
      }
      case 'image_url':
        parts.push(decodeImageUrlPart(part, param, warnings));
        return;
      case 'file':
        parts.push(decodeFilePart(part, param));
        return;
      case 'input_audio':
        throw untranslatable(`${param}.type`, 'input_audio content');
      case undefined:
      case null:
        throw missingParameter(`${param}.type`);
      default:
        throw invalidValue(`${param}.type`, type, USER_PART_TYPES);
    }
  });
  return parts;
}
