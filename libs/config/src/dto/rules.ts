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
