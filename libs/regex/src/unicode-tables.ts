import { type CharSet, normalizeRanges } from './char-set.js';

/**
 * Python `re` character classes for `str` patterns, as code point sets. The Unicode ones are read once
 * from V8's own Unicode data (`\p{..}` over every code point), so they follow the Node version's Unicode
 * tables, which may be newer or older than the Python build a config was written for.
 */

let everyCodePoint: string | undefined;

/** All code points except surrogates, as one string (built once, ~2 MB, on first use). */
export function allCodePoints(): string {
  if (everyCodePoint === undefined) {
    const chunks: string[] = [];
    for (let start = 0; start <= 0x10ffff; start += 0x1000) {
      const units: number[] = [];
      for (let cp = start; cp < start + 0x1000; cp += 1) if (cp < 0xd800 || cp > 0xdfff) units.push(cp);
      chunks.push(String.fromCodePoint(...units));
    }
    everyCodePoint = chunks.join('');
  }
  return everyCodePoint;
}

function fromProperty(regex: RegExp): CharSet {
  const ranges: number[] = [];
  for (const match of allCodePoints().matchAll(regex)) {
    const first = match[0].codePointAt(0) ?? 0;
    const lastUnit = match[0].length - 1;
    const lastStart = lastUnit > 0 && match[0].charCodeAt(lastUnit) >= 0xdc00 && match[0].charCodeAt(lastUnit) <= 0xdfff ? lastUnit - 1 : lastUnit;
    ranges.push(first, match[0].codePointAt(lastStart) ?? first);
  }
  // A run may span the surrogate gap in the source string: split ranges are re-merged by normalize.
  return normalizeRanges(ranges);
}

const cache = new Map<string, CharSet>();
function cached(key: string, build: () => CharSet): CharSet {
  let set = cache.get(key);
  if (set === undefined) {
    set = build();
    cache.set(key, set);
  }
  return set;
}

/** `\w` for str: Python's `isalnum() or '_'`, i.e. letters and numbers of any category. */
export const unicodeWord = (): CharSet => cached('w', () => fromProperty(/[\p{L}\p{N}_]+/gu));
/** `\d` for str: decimal digits (Nd). */
export const unicodeDigit = (): CharSet => cached('d', () => fromProperty(/\p{Nd}+/gu));
/** `\s` for str: Python's `str.isspace()` set. */
export const UNICODE_SPACE: CharSet = normalizeRanges([
  0x09, 0x0d, 0x1c, 0x20, 0x85, 0x85, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000,
]);
export const ASCII_WORD: CharSet = normalizeRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
export const ASCII_DIGIT: CharSet = [0x30, 0x39];
/** `\s` with ASCII: `[ \t\n\r\f\v]`. */
export const ASCII_SPACE: CharSet = normalizeRanges([0x09, 0x0d, 0x20, 0x20]);
