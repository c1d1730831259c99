import type { RoutableRequest } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { belowMinimum, emptyString, invalidType, missingParameter } from './parameter-errors.js';

const NON_NEGATIVE_INTEGER_FIELDS = ['max_tokens', 'max_completion_tokens', 'n'] as const;
const NUMBER_FIELDS = ['temperature', 'top_p'] as const;

/**
 * Checks the fields chat and legacy completions share and returns what routing needs. Only top-level
 * fields are looked at (this runs on every request). `null` counts as absent for optional fields, as
 * in OpenAI's API (the SDK types them `T | null`).
 */
export function readCommonFields(body: Record<string, unknown>): RoutableRequest {
  const model = body['model'];
  if (model === undefined || model === null) throw missingParameter('model');
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  if (model === '') throw emptyString('model');

  const stream = body['stream'];
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') throw invalidType('stream', 'a boolean', stream);

  const streamOptions = body['stream_options'];
  if (streamOptions !== undefined && streamOptions !== null && !isRecord(streamOptions)) {
    throw invalidType('stream_options', 'an object', streamOptions);
  }

  for (const field of NON_NEGATIVE_INTEGER_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(field, 'an integer', value);
    if (value < 0) throw belowMinimum(field, 0, value);
  }

  for (const field of NUMBER_FIELDS) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== 'number') throw invalidType(field, 'a number', value);
  }

  return { model, stream: stream === true };
}
