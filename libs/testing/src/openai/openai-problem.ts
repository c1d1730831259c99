import { isInteger, isRecord, type JsonObject } from '../json-value.js';

/** A 400 as OpenAI words it: `{error:{message, type:"invalid_request_error", param, code}}`. */
export interface OpenAiProblem {
  message: string;
  param: string | null;
  code: string | null;
}

export function problem(message: string, param: string | null = null, code: string | null = null): OpenAiProblem {
  return { message, param, code };
}

/** How OpenAI names a JSON value's type in its error messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  return 'an object';
}

export function invalidType(param: string, expected: string, value: unknown): OpenAiProblem {
  return problem(`Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`, param, 'invalid_type');
}

export function missingParameter(param: string): OpenAiProblem {
  return problem(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

export function invalidValue(param: string, value: unknown, supported: readonly string[]): OpenAiProblem {
  const list = supported.map((s) => `'${s}'`);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}` : (list[0] ?? '');
  return problem(`Invalid value: '${String(value)}'. Supported values are: ${joined}.`, param, 'invalid_value');
}

export function unknownParameters(body: JsonObject, allowed: ReadonlySet<string>): OpenAiProblem | undefined {
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  return extra === undefined ? undefined : problem(`Unrecognized request argument supplied: ${extra}`);
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Range and type of an optional numeric parameter (`null` passes, as the API treats it as absent). */
export function checkNumber(body: JsonObject, name: string, rule: NumberRule): OpenAiProblem | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || (rule.integer === true && !isInteger(value))) {
    return invalidType(name, rule.integer === true ? 'an integer' : 'a decimal', value);
  }
  const kind = rule.integer === true ? 'integer' : 'decimal';
  if (rule.min !== undefined && value < rule.min) {
    return problem(
      `Invalid '${name}': ${kind} below minimum value. Expected a value >= ${rule.min}, but got ${value} instead.`,
      name,
      `${kind}_below_min_value`,
    );
  }
  if (rule.max !== undefined && value > rule.max) {
    return problem(
      `Invalid '${name}': ${kind} above maximum value. Expected a value <= ${rule.max}, but got ${value} instead.`,
      name,
      `${kind}_above_max_value`,
    );
  }
  return undefined;
}

export function checkBoolean(body: JsonObject, name: string): OpenAiProblem | undefined {
  const value = body[name];
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  return invalidType(name, 'a boolean', value);
}

/** `stop`: a string or up to 4 strings. */
export function checkStop(body: JsonObject): OpenAiProblem | undefined {
  const stop = body['stop'];
  if (stop === undefined || stop === null || typeof stop === 'string') return undefined;
  if (!Array.isArray(stop)) return invalidType('stop', 'one of a string or array of strings', stop);
  if (stop.length > 4) {
    return problem(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${stop.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  const bad = stop.findIndex((s) => typeof s !== 'string');
  return bad === -1 ? undefined : invalidType(`stop[${bad}]`, 'a string', stop[bad]);
}

/** `stream` must be a boolean; `stream_options` is only allowed with `stream: true`. */
export function checkStreamParameters(body: JsonObject): OpenAiProblem | undefined {
  const streamProblem = checkBoolean(body, 'stream');
  if (streamProblem !== undefined) return streamProblem;
  const options = body['stream_options'];
  if (options === undefined || options === null) return undefined;
  if (body['stream'] !== true) {
    return problem("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  }
  if (!isRecord(options)) return invalidType('stream_options', 'an object', options);
  return checkBoolean(options, 'include_usage') ?? checkBoolean(options, 'include_obfuscation');
}

/** `model`: required string. */
export function checkModel(body: JsonObject): OpenAiProblem | undefined {
  const model = body['model'];
  if (model === undefined || model === null) return problem('you must provide a model parameter');
  return typeof model === 'string' ? undefined : invalidType('model', 'a string', model);
}
