import type { IrResponseFormat } from '@llm-router/core';
import { optionalBoolean, optionalRecord, requiredString } from '../../decode/field-readers.js';
import { invalidValue, missingParameter } from '../../inspect/parameter-errors.js';

/**
 * `text.format` (§8.1): `text`, `json_object`, or `json_schema` with `name`, `schema` (absent: any JSON,
 * `{}`) and `strict`, flat (not nested under `json_schema` as in chat's `response_format`).
 */
export function decodeTextFormat(value: unknown): IrResponseFormat | undefined {
  const format = optionalRecord(value, 'text.format');
  if (format === undefined) return undefined;
  const type = format['type'];
  switch (type) {
    case 'text':
    case 'json_object':
      return { type };
    case 'json_schema': {
      const decoded: IrResponseFormat = {
        type: 'json_schema',
        name: requiredString(format['name'], 'text.format.name'),
        schema: optionalRecord(format['schema'], 'text.format.schema') ?? {},
      };
      const strict = optionalBoolean(format['strict'], 'text.format.strict');
      return strict === undefined ? decoded : { ...decoded, strict };
    }
    case undefined:
    case null:
      throw missingParameter('text.format.type');
    default:
      throw invalidValue('text.format.type', type, ['text', 'json_object', 'json_schema']);
  }
}
