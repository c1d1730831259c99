import type { IrTextPart } from '@llm-router/core';
import { invalidField, readList, readRecord, readString } from './read-request-field.js';

/**
 * A system prompt (top-level `system`, or the content of an SDK 1.x `role:"system"` message) as IR text:
 * a string, or a list of text blocks whose `cache_control` and `citations` are dropped (prompt-cache
 * hints mean nothing to another family). Any other block type is refused naming `<path>[k].type`.
 */
export function decodeSystemPrompt(value: unknown, path: string): IrTextPart[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [{ type: 'text', text: value }];
  return readList(value, path).map((item, k) => {
    const block = readRecord(item, `${path}[${k}]`);
    if (block['type'] !== 'text') throw invalidField(`${path}[${k}].type`, "only 'text' blocks can be translated here");
    return { type: 'text', text: readString(block['text'], `${path}[${k}].text`) };
  });
}
