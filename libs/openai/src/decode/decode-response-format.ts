import type { IrResponseFormat } from '@llm-router/core';
import { invalidValue, missingParameter } from '../inspect/parameter-errors.js';
import { optionalBoolean, optionalRecord, requiredRecord, requiredString } from './field-readers.js';

/** Chat's `response_format` (§1.2): text, JSON mode, or a JSON schema nested under `json_schema`. */
export function decodeResponseFormat(value: unknown): IrResponseFormat | undefined {
  return decodeOutputFormat(value, 'response_format', 'nested');
}

/** The Responses API's `text.format` (§8.1): the same three kinds, the schema's fields flat on the format. */
export function decodeTextFormat(value: unknown): IrResponseFormat | undefined {
  return decodeOutputFormat(value, 'text.format', 'flat');
}

/**
 * Text, JSON mode, or a JSON schema with `name`, `schema` (absent: any JSON, `{}`) and `strict`, read from
 * the format itself (`flat`) or from its `json_schema` member (`nested`); errors name the field at `path`.
 */
function decodeOutputFormat(value: unknown, path: string, schemaFields: 'flat' | 'nested'): IrResponseFormat | undefined {
  const format = optionalRecord(value, path);
  if (format === undefined) return undefined;
  const type = format['type'];
  switch (type) {
    case 'text':
    case 'json_object':
      return { type };
    case 'json_schema': {
      const specPath = schemaFields === 'nested' ? `${path}.json_schema` : path;
      const spec = schemaFields === 'nested' ? requiredRecord(format['json_schema'], specPath) : format;
      const decoded: IrResponseFormat = {
        type: 'json_schema',
        name: requiredString(spec['name'], `${specPath}.name`),
        schema: optionalRecord(spec['schema'], `${specPath}.schema`) ?? {},
      };
      const strict = optionalBoolean(spec['strict'], `${specPath}.strict`);
      return strict === undefined ? decoded : { ...decoded, strict };
    }
    case undefined:
    case null:
      throw missingParameter(`${path}.type`);
    default:
      throw invalidValue(`${path}.type`, type, ['text', 'json_object', 'json_schema']);
  }
}
