import { RouterError } from '@llm-router/core';

/**
 * Readers for untrusted request JSON. Each names the field by its bracket path (`messages[1].content[0].text`)
 * in both the message and `param`, and throws a RouterError 400 when the value has the wrong type.
 * `null` counts as absent for the optional readers (SDKs send `null` for unset fields).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A 400 naming `path`: `<path>: <problem>`. */
export function invalidField(path: string, problem: string): RouterError {
  return RouterError.invalidRequest(`${path}: ${problem}`, path);
}

export function readRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw invalidField(path, 'Input should be a valid dictionary');
  return value;
}

export function readList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalidField(path, 'Input should be a valid list');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalidField(path, 'Input should be a valid string');
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : readString(value, path);
}

export function readOptionalNumber(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidField(path, 'Input should be a valid number');
  return value;
}

export function readOptionalInteger(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidField(path, 'Input should be a valid integer');
  return value;
}

export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidField(path, 'Input should be a valid boolean');
  return value;
}
