import { isRecord } from '../is-record.js';
import type { Rule } from './config-rule.decorator.js';
import { isFiniteNumber, ok, problem } from './rules.js';

// Rules for the access blocks (`auth`, `state`, `models.<name>.pricing/limits`). None of them ever puts a
// written value into a message: a client key must not reach a log through a config error.

const PERIOD = /^([1-9][0-9]{0,5})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const MAX_PERIOD_MS = 366 * 86_400_000;

/** `30d`, `1h`, `7d`, `2w`, `90m` in milliseconds; undefined when malformed or longer than 366 days. */
export function parsePeriodMs(text: string): number | undefined {
  const match = PERIOD.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms <= MAX_PERIOD_MS ? ms : undefined;
}

export const isPeriod: Rule = (value) =>
  typeof value === 'string' && parsePeriodMs(value) !== undefined ? ok : problem('must be a period like 1h, 7d or 30d (a whole number of m, h, d or w, at most 366d)');

/** Only `*` and `?` are special; brackets and braces would look like glob syntax that is not supported. */
export const isModelGlob: Rule = (value) => {
  if (typeof value !== 'string' || value === '') return problem('must be a non-empty string');
  return /[[\]{}]/.test(value) ? problem('unsupported glob syntax: only * and ? are special') : ok;
};

export function isListOfAtLeastOne(itemRule: Rule, description: string): Rule {
  return (value, object) => {
    if (!Array.isArray(value) || value.length === 0) return problem(`must be a non-empty list of ${description}`);
    return value.flatMap((item: unknown, index) => itemRule(item, object).map((p) => ({ at: `[${index}]${p.at}`, message: p.message })));
  };
}

export const isSha256Hex: Rule = (value) => (typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value) ? ok : problem('must be 64 hex digits (a SHA-256 digest)'));

/** A client key: long enough not to be guessed. The message never repeats the value. */
export const isClientKey: Rule = (value) => (typeof value === 'string' && value.length >= 16 ? ok : problem('must be a string of at least 16 characters'));

export const isUrlWithProtocol =
  (protocols: readonly string[], description: string): Rule =>
  (value) => {
    if (typeof value !== 'string' || value === '') return problem(`must be ${description}`);
    try {
      return protocols.includes(new URL(value).protocol) ? ok : problem(`must be ${description}`);
    } catch {
      return problem(`must be ${description}`);
    }
  };

export const isAudience: Rule = (value) => {
  if (typeof value === 'string') return value === '' ? problem('must be a non-empty string or list of strings') : ok;
  return isListOfAtLeastOne((item) => (typeof item === 'string' && item !== '' ? ok : problem('must be a non-empty string')), 'non-empty strings')(value, {});
};

/** A number >= 0 (prices may be 0 for free models). */
export const isPrice: Rule = (value) => (isFiniteNumber(value) && value >= 0 ? ok : problem('must be a number >= 0 (USD per million tokens)'));

/** Reads a sibling key of the object being validated (for cross-field rules). */
export function sibling(object: object, key: string): unknown {
  return isRecord(object) ? object[key] : undefined;
}
