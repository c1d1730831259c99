import { invalidType } from '../inspect/parameter-errors.js';

/** `stop` (§1.2): a string or a list of strings, as a list; empty strings stop nothing and are left out. */
export function decodeStop(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) throw invalidType('stop', 'a string or an array of strings', value);
  const stops = (list as string[]).filter((item) => item !== '');
  return stops.length === 0 ? undefined : stops;
}
