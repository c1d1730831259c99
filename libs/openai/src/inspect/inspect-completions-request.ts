import type { RoutableRequest } from '@llm-router/core';
import { invalidType, missingParameter } from './parameter-errors.js';
import { readCommonFields } from './read-common-fields.js';
import { readRequestObject } from './read-request-object.js';

const PROMPT_TYPES = 'a string, an array of strings, an array of tokens, or an array of token arrays';

/** `ClientCodec.inspect` for `/v1/completions`: the common fields, then `prompt` (§2). */
export function inspectCompletionsRequest(body: unknown): RoutableRequest {
  const request = readRequestObject(body);
  const routable = readCommonFields(request);

  const prompt = request['prompt'];
  if (prompt === undefined || prompt === null) throw missingParameter('prompt');
  if (!isPrompt(prompt)) throw invalidType('prompt', PROMPT_TYPES, prompt);

  return routable;
}

/** string | string[] | number[] | number[][] (token arrays are integers). An empty array is accepted. */
function isPrompt(prompt: unknown): boolean {
  if (typeof prompt === 'string') return true;
  if (!Array.isArray(prompt)) return false;
  const first: unknown = prompt[0];
  if (first === undefined) return true;
  if (typeof first === 'string') return prompt.every((item) => typeof item === 'string');
  if (typeof first === 'number') return prompt.every(Number.isInteger);
  return prompt.every((item) => Array.isArray(item) && item.every(Number.isInteger));
}
