import { isRecord } from '../is-record.js';
import { invalidType, missingParameter } from '../inspect/parameter-errors.js';

// Readers for request values: `null` counts as absent (OpenAI's SDK types optional fields `T | null`),
// a value of the wrong type or a missing required one is a 400 naming `param`.

export function optionalNumber(value: unknown, param: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidType(param, 'a number', value);
  return value;
}

export function optionalInteger(value: unknown, param: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(param, 'an integer', value);
  return value;
}

export function optionalString(value: unknown, param: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function optionalBoolean(value: unknown, param: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidType(param, 'a boolean', value);
  return value;
}

export function optionalRecord(value: unknown, param: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw invalidType(param, 'an object', value);
  return value;
}

export function optionalArray(value: unknown, param: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidType(param, 'an array', value);
  return value;
}

export function requiredString(value: unknown, param: string): string {
  const text = optionalString(value, param);
  if (text === undefined) throw missingParameter(param);
  return text;
}

export function requiredRecord(value: unknown, param: string): Record<string, unknown> {
  const record = optionalRecord(value, param);
  if (record === undefined) throw missingParameter(param);
  return record;
}
