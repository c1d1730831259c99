import { isInteger, type JsonObject } from '../json-value.js';
import {
  checkBoolean,
  checkModel,
  checkNumber,
  checkStop,
  checkStreamParameters,
  invalidType,
  missingParameter,
  problem,
  unknownParameters,
  type OpenAiProblem,
} from './openai-problem.js';

/** Top-level parameters of the legacy `POST /v1/completions` (protocols.md §2, openai SDK 6.49 types). */
export const COMPLETIONS_PARAMETERS: ReadonlySet<string> = new Set([
  'model',
  'prompt',
  'best_of',
  'echo',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'max_tokens',
  'n',
  'presence_penalty',
  'seed',
  'stop',
  'stream',
  'stream_options',
  'suffix',
  'temperature',
  'top_p',
  'user',
]);

/** Validates a legacy completion request; the first problem, like the API. */
export function validateCompletionsRequest(body: JsonObject): OpenAiProblem | undefined {
  return (
    unknownParameters(body, COMPLETIONS_PARAMETERS) ??
    checkModel(body) ??
    checkPrompt(body['prompt']) ??
    checkStreamParameters(body) ??
    checkNumber(body, 'temperature', { min: 0, max: 2 }) ??
    checkNumber(body, 'top_p', { min: 0, max: 1 }) ??
    checkNumber(body, 'frequency_penalty', { min: -2, max: 2 }) ??
    checkNumber(body, 'presence_penalty', { min: -2, max: 2 }) ??
    checkNumber(body, 'n', { min: 1, max: 128, integer: true }) ??
    checkNumber(body, 'best_of', { min: 1, max: 20, integer: true }) ??
    checkNumber(body, 'max_tokens', { min: 0, integer: true }) ??
    // Legacy `logprobs` is the number of alternatives (0–5), not a boolean as in chat.
    checkNumber(body, 'logprobs', { min: 0, max: 5, integer: true }) ??
    checkNumber(body, 'seed', { integer: true }) ??
    checkBoolean(body, 'echo') ??
    checkSuffix(body['suffix']) ??
    checkStop(body) ??
    checkBestOf(body)
  );
}

/** A string, string[], token array number[] or number[][] (§2). */
function checkPrompt(prompt: unknown): OpenAiProblem | undefined {
  if (prompt === undefined || prompt === null) return missingParameter('prompt');
  if (typeof prompt === 'string') return undefined;
  const expected = 'one of a string, array of strings, array of integers, or array of arrays of integers';
  if (!Array.isArray(prompt)) return invalidType('prompt', expected, prompt);
  const ok =
    prompt.every((p) => typeof p === 'string') ||
    prompt.every((p) => isInteger(p)) ||
    prompt.every((p) => Array.isArray(p) && p.every((t) => isInteger(t)));
  return ok ? undefined : invalidType('prompt', expected, prompt);
}

function checkSuffix(suffix: unknown): OpenAiProblem | undefined {
  return suffix === undefined || suffix === null || typeof suffix === 'string' ? undefined : invalidType('suffix', 'a string', suffix);
}

function checkBestOf(body: JsonObject): OpenAiProblem | undefined {
  const bestOf = body['best_of'];
  const n = body['n'];
  if (!isInteger(bestOf) || !isInteger(n) || bestOf >= n) return undefined;
  return problem('best_of must be greater than or equal to n.', 'best_of');
}
