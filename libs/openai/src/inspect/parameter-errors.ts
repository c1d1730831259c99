import { RouterError } from '@llm-router/core';
import { describeJsonType } from './describe-json-type.js';

// 400s worded like OpenAI's own validation errors, with `param` naming the field, so clients and
// their tests cannot tell the router's validation from OpenAI's.

export function missingParameter(param: string): RouterError {
  return RouterError.invalidRequest(`Missing required parameter: '${param}'.`, param);
}

/** `expected` reads as a noun phrase: "a boolean", "an array of objects". */
export function invalidType(param: string, expected: string, value: unknown): RouterError {
  return RouterError.invalidRequest(`Invalid type for '${param}': expected ${expected}, but got ${describeJsonType(value)} instead.`, param);
}

export function emptyString(param: string): RouterError {
  return RouterError.invalidRequest(
    `Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`,
    param,
  );
}

export function emptyArray(param: string): RouterError {
  return RouterError.invalidRequest(
    `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
    param,
  );
}

export function belowMinimum(param: string, minimum: number, value: number): RouterError {
  return RouterError.invalidRequest(
    `Invalid '${param}': integer below minimum value. Expected a value >= ${minimum}, but got ${value} instead.`,
    param,
  );
}
