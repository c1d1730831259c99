import { RouterError } from '../errors/router-error.js';
import type { EmbeddingEncodingFormat, EmbeddingsInput, EmbeddingsRequest } from './embeddings-request.js';

/** OpenAI's cap on the number of inputs of one request. */
export const MAX_EMBEDDING_INPUTS = 2048;

const ENCODING_FORMATS: ReadonlySet<string> = new Set<EmbeddingEncodingFormat>(['float', 'base64']);

/**
 * A `POST /v1/embeddings` body checked as OpenAI checks it, as an EmbeddingsRequest; a RouterError 400
 * naming the param otherwise (`input`, `input[3]`, `encoding_format`, ...). `input`: a non-empty string,
 * a list of 1..2048 non-empty strings, a non-empty list of token ids (integers >= 0), or 1..2048 such
 * lists. `null` optional fields count as absent. Fields OpenAI does not define are not refused here (an
 * OpenAI-compatible upstream may take them); translated dialects name the ones they drop.
 */
export function readEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw RouterError.invalidRequest('The request body must be a JSON object.');
  const fields = body as Record<string, unknown>;
  const model = fields['model'];
  if (typeof model !== 'string' || model === '') throw RouterError.invalidRequest("Missing required parameter: 'model'.", 'model');
  const request: EmbeddingsRequest = { model, input: readInput(fields['input']), encodingFormat: readEncodingFormat(fields['encoding_format']) };
  const dimensions = fields['dimensions'];
  if (dimensions !== undefined && dimensions !== null) {
    if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1) {
      throw RouterError.invalidRequest(`Invalid 'dimensions': expected a positive integer, got ${JSON.stringify(dimensions)}.`, 'dimensions');
    }
    request.dimensions = dimensions;
  }
  const user = fields['user'];
  if (user !== undefined && user !== null) {
    if (typeof user !== 'string') throw RouterError.invalidRequest(`Invalid type for 'user': expected a string.`, 'user');
    request.user = user;
  }
  return request;
}

function readEncodingFormat(value: unknown): EmbeddingEncodingFormat {
  if (value === undefined || value === null) return 'float';
  if (typeof value === 'string' && ENCODING_FORMATS.has(value)) return value as EmbeddingEncodingFormat;
  throw RouterError.invalidRequest(`Invalid value for 'encoding_format': ${JSON.stringify(value)}. Supported values are: 'float' and 'base64'.`, 'encoding_format');
}

function readInput(input: unknown): EmbeddingsInput {
  if (input === undefined || input === null) throw RouterError.invalidRequest("Missing required parameter: 'input'.", 'input');
  if (typeof input === 'string') {
    if (input === '') throw RouterError.invalidRequest("Invalid 'input': an empty string cannot be embedded.", 'input');
    return input;
  }
  if (!Array.isArray(input)) throw invalidInput('input');
  if (input.length === 0) throw RouterError.invalidRequest("Invalid 'input': an empty list cannot be embedded.", 'input');
  if (input.length > MAX_EMBEDDING_INPUTS && typeof input[0] !== 'number') {
    throw RouterError.invalidRequest(`Invalid 'input': at most ${MAX_EMBEDDING_INPUTS} inputs per request, got ${input.length}.`, 'input');
  }
  const first: unknown = input[0];
  if (typeof first === 'string') {
    input.forEach((item: unknown, index) => {
      if (typeof item !== 'string') throw invalidInput(`input[${index}]`);
      if (item === '') throw RouterError.invalidRequest(`Invalid 'input[${index}]': an empty string cannot be embedded.`, `input[${index}]`);
    });
    return input as string[];
  }
  if (typeof first === 'number') {
    input.forEach((item: unknown, index) => {
      if (!isTokenId(item)) throw invalidInput(`input[${index}]`);
    });
    return input as number[];
  }
  input.forEach((item: unknown, index) => {
    if (!Array.isArray(item) || item.length === 0) throw invalidInput(`input[${index}]`);
    item.forEach((token: unknown, position) => {
      if (!isTokenId(token)) throw invalidInput(`input[${index}][${position}]`);
    });
  });
  return input as number[][];
}

function isTokenId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function invalidInput(param: string): RouterError {
  return RouterError.invalidRequest(
    `Invalid '${param}': 'input' must be a string, a list of strings, a list of token ids (integers) or a list of such lists.`,
    param,
  );
}
