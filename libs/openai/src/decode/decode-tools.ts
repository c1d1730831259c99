import type { IrTool } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../inspect/parameter-errors.js';
import { optionalArray, optionalBoolean, optionalRecord, optionalString, requiredRecord, requiredString } from './field-readers.js';

/**
 * `tools` (§1.5, §5.3): function tools as IR tools, `parameters` defaulting to an empty object schema
 * (Anthropic requires one). Custom tools exist only at OpenAI: 400 naming `tools[i].type`.
 */
export function decodeTools(value: unknown): IrTool[] | undefined {
  const tools = optionalArray(value, 'tools');
  if (tools === undefined) return undefined;
  return tools.map((tool: unknown, i): IrTool => {
    const at = `tools[${i}]`;
    if (!isRecord(tool)) throw invalidType(at, 'an object', tool);
    const type = tool['type'];
    if (type === 'custom') throw untranslatable(`${at}.type`, 'custom tools');
    if (type === undefined || type === null) throw missingParameter(`${at}.type`);
    if (type !== 'function') throw invalidValue(`${at}.type`, type, ['function', 'custom']);
    const fn = requiredRecord(tool['function'], `${at}.function`);
    const decoded: IrTool = {
      name: requiredString(fn['name'], `${at}.function.name`),
      parameters: optionalRecord(fn['parameters'], `${at}.function.parameters`) ?? { type: 'object', properties: {} },
    };
    const description = optionalString(fn['description'], `${at}.function.description`);
    if (description !== undefined) decoded.description = description;
    const strict = optionalBoolean(fn['strict'], `${at}.function.strict`);
    if (strict !== undefined) decoded.strict = strict;
    return decoded;
  });
}
