import { RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { describeJsonType } from './describe-json-type.js';

/** The parsed body as an object, or a 400 (an array, a string or null is valid JSON but not a request). */
export function readRequestObject(body: unknown): Record<string, unknown> {
  if (isRecord(body)) return body;
  throw RouterError.invalidRequest(`Invalid body: expected a JSON object, but got ${describeJsonType(body)} instead.`);
}
