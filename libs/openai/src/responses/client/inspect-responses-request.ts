import type { RoutableRequest } from '@llm-router/core';
import { belowMinimum, emptyString, invalidType, missingParameter } from '../../inspect/parameter-errors.js';
import { readRequestObject } from '../../inspect/read-request-object.js';

/**
 * `ClientCodec.inspect` for `POST /v1/responses` (§8.1): `model` a non-empty string, `input` a string or
 * an array (required: the router keeps no stored prompts or conversations to stand in for it), `stream`
 * a boolean, `max_output_tokens` a non-negative integer, `temperature`/`top_p` numbers. `null` counts as
 * absent. Items inside `input` are checked by the decoder when (and only when) it translates.
 */
export function inspectResponsesRequest(body: unknown): RoutableRequest {
  const request = readRequestObject(body);
  const model = request['model'];
  if (model === undefined || model === null) throw missingParameter('model');
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  if (model === '') throw emptyString('model');

  const input = request['input'];
  if (input === undefined || input === null) throw missingParameter('input');
  if (typeof input !== 'string' && !Array.isArray(input)) throw invalidType('input', 'a string or an array of input items', input);

  const stream = request['stream'];
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') throw invalidType('stream', 'a boolean', stream);

  const maxOutputTokens = request['max_output_tokens'];
  if (maxOutputTokens !== undefined && maxOutputTokens !== null) {
    if (typeof maxOutputTokens !== 'number' || !Number.isInteger(maxOutputTokens)) throw invalidType('max_output_tokens', 'an integer', maxOutputTokens);
    if (maxOutputTokens < 0) throw belowMinimum('max_output_tokens', 0, maxOutputTokens);
  }
  for (const field of ['temperature', 'top_p'] as const) {
    const value = request[field];
    if (value !== undefined && value !== null && typeof value !== 'number') throw invalidType(field, 'a number', value);
  }
  return { model, stream: stream === true };
}
