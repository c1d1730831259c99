import type { JsonObject } from '../json-value.js';
import { checkFormat, checkKeepAlive, checkOptions, checkThink, checkTopLogprobs, checkType, firstProblem, unknownField } from './ollama-field-checks.js';
import { checkImages } from './validate-chat-request.js';

/** `api.GenerateRequest`'s fields (protocols.md §4.2). */
const GENERATE_FIELDS = new Set([
  'model', 'prompt', 'suffix', 'system', 'template', 'context', 'stream', 'raw', 'format', 'images', 'keep_alive', 'think', 'options', 'logprobs', 'top_logprobs',
]);

/**
 * Validates a `POST /api/generate` body: the first problem as Ollama words it, or undefined. Raw mode
 * cannot be combined with `template`, `system` or `context` (400, as on the real server). Stricter than
 * Ollama: unknown fields and options are refused.
 */
export function validateGenerateRequest(body: JsonObject): string | undefined {
  return firstProblem(
    () => unknownField(body, GENERATE_FIELDS),
    () => checkType(body['model'], 'string', 'GenerateRequest.model', 'string'),
    () => checkType(body['prompt'], 'string', 'GenerateRequest.prompt', 'string'),
    () => checkType(body['suffix'], 'string', 'GenerateRequest.suffix', 'string'),
    () => checkType(body['system'], 'string', 'GenerateRequest.system', 'string'),
    () => checkType(body['template'], 'string', 'GenerateRequest.template', 'string'),
    () => checkContext(body['context']),
    () => checkType(body['stream'], 'bool', 'GenerateRequest.stream', 'bool'),
    () => checkType(body['raw'], 'bool', 'GenerateRequest.raw', 'bool'),
    () => checkImages(body['images'], 'GenerateRequest.images'),
    () => checkOptions(body['options'], 'GenerateRequest'),
    () => checkType(body['logprobs'], 'bool', 'GenerateRequest.logprobs', 'bool'),
    () => checkTopLogprobs(body['top_logprobs'], 'GenerateRequest'),
    () => checkKeepAlive(body['keep_alive']),
    () => checkThink(body['think']),
    () => checkFormat(body['format']),
    () => (typeof body['model'] === 'string' && body['model'] !== '' ? undefined : 'model is required'),
    () => {
      const raw = body['raw'] === true;
      const templated = nonEmpty(body['template']) || nonEmpty(body['system']) || (Array.isArray(body['context']) && body['context'].length > 0);
      return raw && templated ? 'raw mode does not support template, system, or context' : undefined;
    },
  );
}

function checkContext(context: unknown): string | undefined {
  const typeProblem = checkType(context, 'array', 'GenerateRequest.context', '[]int');
  if (typeProblem !== undefined || !Array.isArray(context)) return typeProblem;
  const bad = context.find((token) => !Number.isInteger(token));
  return bad === undefined ? undefined : checkType(bad, 'int', 'GenerateRequest.context', 'int');
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
