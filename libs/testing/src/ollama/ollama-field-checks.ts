import { isInteger, isRecord } from '../json-value.js';
import { cannotUnmarshal } from './go-json-errors.js';

/**
 * Checks shared by `/api/chat` and `/api/generate`, each returning the server's error message or
 * undefined. `null` counts as absent, as Go's decoder treats it.
 */

/** A field of a Go struct that must have one JSON type. */
export function checkType(value: unknown, expected: 'string' | 'bool' | 'int' | 'array' | 'object', field: string, goType: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const ok =
    expected === 'string'
      ? typeof value === 'string'
      : expected === 'bool'
        ? typeof value === 'boolean'
        : expected === 'int'
          ? isInteger(value)
          : expected === 'array'
            ? Array.isArray(value)
            : isRecord(value);
  return ok ? undefined : cannotUnmarshal(value, field, goType);
}

/** The first field the Go type does not have, named with `prefix` (stricter than Ollama, which ignores them). */
export function unknownField(body: Record<string, unknown>, allowed: ReadonlySet<string>, prefix = ''): string | undefined {
  const name = Object.keys(body).find((key) => !allowed.has(key));
  return name === undefined ? undefined : `json: unknown field "${prefix}${name}"`;
}

const NUMBER_OPTIONS = new Set([
  'num_ctx', 'num_batch', 'num_gpu', 'main_gpu', 'num_thread', 'num_keep', 'seed', 'num_predict', 'top_k', 'top_p', 'min_p', 'typical_p',
  'repeat_last_n', 'temperature', 'repeat_penalty', 'presence_penalty', 'frequency_penalty', 'tfs_z', 'mirostat', 'mirostat_tau', 'mirostat_eta',
]);
const BOOLEAN_OPTIONS = new Set(['numa', 'low_vram', 'f16_kv', 'logits_all', 'vocab_only', 'use_mmap', 'use_mlock', 'embedding_only', 'penalize_newline']);

/**
 * `options`: an object whose known keys have the right types (Ollama's `Options.FromMap` wording).
 * Stricter than Ollama: an unknown key (say `max_tokens`, a router bug) is refused instead of logged and ignored.
 */
export function checkOptions(options: unknown, struct: string): string | undefined {
  const typeProblem = checkType(options, 'object', `${struct}.options`, 'map[string]interface {}');
  if (typeProblem !== undefined || !isRecord(options)) return typeProblem;
  for (const [key, value] of Object.entries(options)) {
    if (value === null) continue;
    if (NUMBER_OPTIONS.has(key)) {
      if (typeof value !== 'number') return `option "${key}" must be of type number`;
    } else if (BOOLEAN_OPTIONS.has(key)) {
      if (typeof value !== 'boolean') return `option "${key}" must be of type boolean`;
    } else if (key === 'stop') {
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return 'option "stop" must be of type array of strings';
    } else {
      return `invalid option provided: "${key}"`;
    }
  }
  return undefined;
}

const THINK_LEVELS = new Set(['high', 'medium', 'low', 'max']);

/** `think`: a boolean or a level string. */
export function checkThink(think: unknown): string | undefined {
  if (think === undefined || think === null || typeof think === 'boolean') return undefined;
  if (typeof think === 'string' && THINK_LEVELS.has(think)) return undefined;
  return `invalid think value: ${JSON.stringify(think)} (must be "high", "medium", "low", "max", true, or false)`;
}

/** `format`: `"json"` or a JSON Schema object (an empty string means none). */
export function checkFormat(format: unknown): string | undefined {
  if (format === undefined || format === null || format === '' || format === 'json' || isRecord(format)) return undefined;
  return `invalid format: ${JSON.stringify(format)}; expected "json" or a JSON schema object`;
}

/** `keep_alive`: a Go duration string (`"5m"`) or seconds. */
export function checkKeepAlive(keepAlive: unknown): string | undefined {
  if (keepAlive === undefined || keepAlive === null || typeof keepAlive === 'number') return undefined;
  if (typeof keepAlive === 'string' && /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^-?\d+$/.test(keepAlive)) return undefined;
  return typeof keepAlive === 'string' ? `time: invalid duration ${JSON.stringify(keepAlive)}` : cannotUnmarshal(keepAlive, 'keep_alive', 'api.Duration');
}

/** `top_logprobs`: 0-20. */
export function checkTopLogprobs(value: unknown, struct: string): string | undefined {
  const typeProblem = checkType(value, 'int', `${struct}.top_logprobs`, 'int');
  if (typeProblem !== undefined) return typeProblem;
  return typeof value === 'number' && (value < 0 || value > 20) ? 'top_logprobs must be between 0 and 20' : undefined;
}

/** The first of several checks that fails. */
export function firstProblem(...problems: Array<() => string | undefined>): string | undefined {
  for (const check of problems) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
}
