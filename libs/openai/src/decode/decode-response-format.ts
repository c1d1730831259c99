import type { IrResponseFormat } from '@llm-router/core';
import { invalidValue, missingParameter } from '../inspect/parameter-errors.js';
import { optionalBoolean, optionalRecord, requiredRecord, requiredString } from './field-readers.js';

/** `response_format` (§1.2): text, JSON mode, or a JSON schema (an absent `schema` means any JSON, `{}`). */
export function decodeResponseFormat(value: unknown): IrResponseFormat | undefined {
  const format = optionalRecord(value, 'response_format');
  if (format === undefined) return undefined;
  const type = format['type'];
  switch (type) {
    case 'text':
    case 'json_object':
      return { type };
    case 'json_schema': {
      const spec = requiredRecord(format['json_schema'], 'response_format.json_schema');
      const decoded: IrResponseFormat = {
        type: 'json_schema',
        name: requiredString(spec['name'], 'response_format.json_schema.name'),
        schema: optionalRecord(spec['schema'], 'response_format.json_schema.schema') ?? {},
      };
      const strict = optionalBoolean(spec['strict'], 'response_format.json_schema.strict');
      return strict === undefined ? decoded : { ...decoded, strict };
    }
    case undefined:
    case null:
      throw missingParameter('response_format.type');
    default:
      throw invalidValue('response_format.type', type, ['text', 'json_object', 'json_schema']);
  }
}
