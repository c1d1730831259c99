import type { JsonObject } from '../json-value.js';
import { checkModel, checkNumber, invalidType, invalidValue, missingParameter, problem, unknownParameters, type OpenAiProblem } from './openai-problem.js';

const ALLOWED: ReadonlySet<string> = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user']);

/** OpenAI's wording for any `input` it cannot take (it names no param: `param` is null). */
const INVALID_INPUT = "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.";

/** Models without a `dimensions` parameter (the first-generation embeddings). */
const FIXED_DIMENSION_MODELS: ReadonlySet<string> = new Set(['text-embedding-ada-002']);

/**
 * `POST /v1/embeddings` checked as the real API does: `input` a non-empty string, 1..2048 non-empty
 * strings, a non-empty token-id list, or 1..2048 of them; `encoding_format` `float` | `base64`;
 * `dimensions` an integer >= 1 (refused for text-embedding-ada-002); `user` a string; unknown fields
 * refused. Returns the first problem, or undefined.
 */
export function validateEmbeddingsRequest(body: JsonObject): OpenAiProblem | undefined {
  const unknown = unknownParameters(body, ALLOWED);
  if (unknown !== undefined) return unknown;
  const model = checkModel(body);
  if (model !== undefined) return model;
  const input = body['input'];
  if (input === undefined || input === null) return missingParameter('input');
  if (!validInput(input)) return problem(INVALID_INPUT);
  const format = body['encoding_format'];
  if (format !== undefined && format !== null && format !== 'float' && format !== 'base64') return invalidValue('encoding_format', format, ['float', 'base64']);
  const dimensions = checkNumber(body, 'dimensions', { min: 1, integer: true });
  if (dimensions !== undefined) return dimensions;
  if (body['dimensions'] !== undefined && body['dimensions'] !== null && FIXED_DIMENSION_MODELS.has(String(body['model']))) {
    return problem('This model does not support specifying dimensions.', 'dimensions');
  }
  const user = body['user'];
  if (user !== undefined && user !== null && typeof user !== 'string') return invalidType('user', 'a string', user);
  return undefined;
}

function validInput(input: unknown): boolean {
  if (typeof input === 'string') return input !== '';
  if (!Array.isArray(input) || input.length === 0) return false;
  const tokenId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (typeof input[0] === 'number') return input.every(tokenId);
  if (input.length > 2048) return false;
  if (typeof input[0] === 'string') return input.every((item) => typeof item === 'string' && item !== '');
  return input.every((item) => Array.isArray(item) && item.length > 0 && item.every(tokenId));
}
