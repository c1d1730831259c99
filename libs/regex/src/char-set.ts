/**
 * A set of code points as sorted, disjoint, non-adjacent inclusive ranges `[lo0, hi0, lo1, hi1, ...]`.
 * Immutable once built; every operation returns a new array.
 */
export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;

/** Normalizes any list of (possibly overlapping, unsorted) ranges. */
export function normalizeRanges(ranges: readonly number[]): CharSet {
  const pairs: Array<[number, number]> = [];
  for (let at = 0; at < ranges.length; at += 2) pairs.push([ranges[at], ranges[at + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) out[last] = Math.max(out[last], hi);
    else out.push(lo, hi);
  }
  return out;
}

export function unionSets(...sets: readonly CharSet[]): CharSet {
  return normalizeRanges(sets.flat());
}

export function negateSet(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let at = 0; at < set.length; at += 2) {
    if (set[at] > next) out.push(next, set[at] - 1);
    next = set[at + 1] + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

/** Binary search over the ranges. */
export function setHas(set: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = (set.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < set[mid * 2]) hi = mid - 1;
    else if (cp > set[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The single code point of a one-element set, else undefined. */
export function singleCodePoint(set: CharSet): number | undefined {
  return set.length === 2 && set[0] === set[1] ? set[0] : undefined;
}
