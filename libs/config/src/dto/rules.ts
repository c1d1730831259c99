import { isRecord } from '../is-record.js';
import type { Rule, RuleProblem } from './config-rule.decorator.js';

// The value rules behind ConfigRule, for checks class-validator's built-ins cannot phrase as one short message
// or cannot point inside a value (`[2]`, `.X-Count`). Each returns every problem of one property. These expect
// a written value: put @IsOptional beside them for optional keys (null then counts as absent too).

export const ok: readonly RuleProblem[] = [];

export function problem(message: string, at = ''): readonly RuleProblem[] {
  return [{ at, message }];
}

export const isString: Rule = (value) => (typeof value === 'string' ? ok : problem('must be a string'));

export const isNonEmptyString: Rule = (value) => (typeof value === 'string' && value !== '' ? ok : problem('must be a non-empty string'));

export const isNonNegativeNumber: Rule = (value) => (isFiniteNumber(value) && value >= 0 ? ok : problem('must be a number >= 0'));

export const isPositiveNumber: Rule = (value) => (isFiniteNumber(value) && value > 0 ? ok : problem('must be a positive number'));

export const isPositiveInteger: Rule = (value) => (Number.isSafeInteger(value) && Number(value) > 0 ? ok : problem('must be a positive integer'));

export function isNumberAtLeast(min: number): Rule {
  return (value) => {
    if (!isFiniteNumber(value)) return problem('must be a number');
    return value >= min ? ok : problem(`must be >= ${min}`);
  };
}

export function isIntegerAtLeast(min: number): Rule {
  return (value) => {
    if (!Number.isSafeInteger(value)) return problem('must be an integer');
    return Number(value) >= min ? ok : problem(`must be >= ${min}`);
  };
}

export function isIntegerBetween(min: number, max: number): Rule {
  return (value) => (isIntegerIn(value, min, max) ? ok : problem(`must be an integer between ${min} and ${max}`));
}

/** An empty string counts as absent (so `${ENDPOINT:-}` can leave it unset). */
export const isHttpUrl: Rule = (value) => {
  if (typeof value !== 'string') return problem('must be a string');
  if (value === '') return ok;
  return /^https?:$/.test(parseUrl(value)?.protocol ?? '') ? ok : problem('must be an http(s) URL');
};

/** A nested section after NestedObject: a DTO instance, or the raw non-mapping value to reject. */
export const isMapping: Rule = (value) => (isRecord(value) ? ok : problem('must be a mapping'));

export const isList: Rule = (value) => (Array.isArray(value) ? ok : problem('must be a list'));

export function isListOf(itemRule: Rule, description: string): Rule {
  return (value, object) => {
    if (!Array.isArray(value)) return problem(`must be a list of ${description}`);
    return value.flatMap((item: unknown, index) => itemRule(item, object).map((p) => ({ at: `[${index}]${p.at}`, message: p.message })));
  };
}

/** A mapping of string to string, e.g. header name to value. Numbers are rejected too: quote them. */
export const isStringMap: Rule = (value) => {
  if (!isRecord(value)) return problem('must be a mapping of names to strings');
  return Object.entries(value).flatMap(([key, item]) => (typeof item === 'string' ? ok : problem('must be a string', `.${key}`)));
};

/**
 * What may not be in a value the router sends as a header (an `api_key` becomes `Authorization` or
 * `x-api-key`; header-rule values are sent as they are): a line break would inject headers, and Node
 * refuses control characters and anything beyond Latin-1 (every request of the model would fail).
 */
function headerValueProblem(value: string, at = ''): readonly RuleProblem[] {
  if (/[\r\n]/.test(value)) return problem('contains a line break (not allowed in a header value)', at);
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) return problem('contains a character not allowed in a header value (control characters, or beyond Latin-1)', at);
  return ok;
}

/** A string that is sent as (part of) a header value. */
export const isHeaderValue: Rule = (value) => (typeof value === 'string' ? headerValueProblem(value) : problem('must be a string'));

/** A mapping of header name to header value (`add_headers`, `force_headers`). */
export const isHeaderValueMap: Rule = (value) => {
  if (!isRecord(value)) return problem('must be a mapping of names to strings');
  return Object.entries(value).flatMap(([key, item]) => (typeof item === 'string' ? headerValueProblem(item, `.${key}`) : problem('must be a string', `.${key}`)));
};

/** An http(s) URL as `isHttpUrl`, with no whitespace or control characters (the URL parser drops tabs and line breaks silently). */
export const isHttpEndpoint: Rule = (value, object) => {
  if (typeof value === 'string' && hasWhitespaceOrControl(value)) return problem('must not contain whitespace or control characters');
  return isHttpUrl(value, object);
};

function hasWhitespaceOrControl(text: string): boolean {
  if (/\s/.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && Number(value) >= min && Number(value) <= max;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
