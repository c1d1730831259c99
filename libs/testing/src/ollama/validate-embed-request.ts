import { isRecord } from '../json-value.js';
import { cannotUnmarshal } from './go-json-errors.js';
import { checkKeepAlive, checkOptions, checkType, firstProblem, unknownField } from './ollama-field-checks.js';

const FIELDS: ReadonlySet<string> = new Set(['model', 'input', 'truncate', 'dimensions', 'keep_alive', 'options']);

/**
 * `POST /api/embed` (api.EmbedRequest) checked as Ollama does, returning its error message or undefined:
 * `model` required; `input` a string or a list of strings (Ollama embeds text: a token-id list, or any
 * other element, is `invalid input type`); `truncate` bool, `dimensions` int, `keep_alive`, `options`.
 * Stricter than Ollama: an unknown field is refused (a router bug otherwise ignored).
 */
export function validateEmbedRequest(body: Record<string, unknown>): string | undefined {
  return firstProblem(
    () => unknownField(body, FIELDS),
    () => checkType(body['model'], 'string', 'EmbedRequest.model', 'string'),
    () => (typeof body['model'] !== 'string' || body['model'] === '' ? 'model is required' : undefined),
    () => checkInput(body['input']),
    () => checkType(body['truncate'], 'bool', 'EmbedRequest.truncate', 'bool'),
    () => checkType(body['dimensions'], 'int', 'EmbedRequest.dimensions', 'int'),
    () => checkKeepAlive(body['keep_alive']),
    () => checkOptions(body['options'], 'EmbedRequest'),
  );
}

function checkInput(input: unknown): string | undefined {
  if (input === undefined || input === null || typeof input === 'string') return undefined;
  if (Array.isArray(input)) return input.every((item) => typeof item === 'string') ? undefined : 'invalid input type';
  return isRecord(input) || typeof input === 'number' || typeof input === 'boolean' ? 'invalid input type' : cannotUnmarshal(input, 'EmbedRequest.input', 'any');
}
