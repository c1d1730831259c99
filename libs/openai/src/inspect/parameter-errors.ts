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

/** `supported` are listed as OpenAI lists them: `'a', 'b' and 'c'`. */
export function invalidValue(param: string, value: unknown, supported: readonly string[]): RouterError {
  const list = supported.map((item) => `'${item}'`);
  const listed = list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}`;
  return RouterError.invalidRequest(`Invalid value: ${describeValue(value)}. Supported values are: ${listed}.`, param);
}

/**
 * A feature the client's format has and the upstream this model is served by (another API family)
 * cannot honour: refused rather than dropped, because dropping it would change what the client gets.
 * `feature` is a noun phrase: "input_audio content", "custom tools".
 */
export function untranslatable(param: string, feature: string): RouterError {
  return RouterError.invalidRequest(
    `Unsupported parameter: '${param}': ${feature} cannot be translated for the upstream this model is served by.`,
    param,
  );
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : describeJsonType(value);
}
