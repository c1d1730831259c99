import { type CharSet, normalizeRanges, setHas } from './char-set.js';
import { allCodePoints } from './unicode-tables.js';

/**
 * IGNORECASE equivalence: Unicode simple case folding (what V8's `/iu` does), read from V8 itself:
 * candidates are joined through `toLowerCase`/`toUpperCase` (single code point results only), then each
 * candidate class is split by asking V8 whether `/^a$/iu` matches `b`. Built once, on first use
 * (about 0.1 s).
 * Note: Python's own rule (equal `lower()`, plus a fix-up table) differs on a few letters, e.g. Turkish
 * `İ`/`ı`, which simple folding keeps apart from `i`/`I`.
 */
let mates: Map<number, readonly number[]> | undefined;

function singleCodePointOf(text: string): number | undefined {
  const cp = text.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp).length === text.length ? cp : undefined;
}

function foldMates(): Map<number, readonly number[]> {
  if (mates !== undefined) return mates;
  const parent = new Map<number, number>();
  const find = (cp: number): number => {
    let root = cp;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(cp, root);
    return root;
  };
  const join = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  };
  // Only characters that change under case mapping can have case-fold mates (the mates they map to are
  // joined through them).
  for (const [text] of allCodePoints().matchAll(/\p{Changes_When_Casemapped}/gu)) {
    const cp = text.codePointAt(0) ?? 0;
    const lower = text.toLowerCase();
    const upper = text.toUpperCase();
    if (lower === text && upper === text) continue;
    for (const variant of [lower, upper, upper.toLowerCase(), lower.toUpperCase()]) {
      const other = singleCodePointOf(variant);
      if (other !== undefined && other !== cp) join(cp, other);
    }
  }
  const classes = new Map<number, number[]>();
  for (const cp of parent.keys()) {
    const root = find(cp);
    const members = classes.get(root) ?? [];
    members.push(cp);
    classes.set(root, members);
  }
  mates = new Map();
  for (const members of classes.values()) {
    let rest = members;
    while (rest.length > 0) {
      const [first] = rest;
      const probe = new RegExp(`^\\u{${first.toString(16)}}$`, 'iu');
      const same = rest.filter((cp) => probe.test(String.fromCodePoint(cp)));
      rest = rest.filter((cp) => !probe.test(String.fromCodePoint(cp)));
      if (same.length > 1) for (const cp of same) mates.set(cp, same);
    }
  }
  return mates;
}

/** The set plus every code point that case-folds like one of its members. ASCII mode folds only a-z/A-Z. */
export function closeUnderCaseFold(set: CharSet, asciiOnly: boolean): CharSet {
  const extra: number[] = [];
  if (asciiOnly) {
    for (let cp = 0x41; cp <= 0x5a; cp += 1) {
      if (setHas(set, cp)) extra.push(cp + 0x20, cp + 0x20);
      if (setHas(set, cp + 0x20)) extra.push(cp, cp);
    }
  } else {
    for (const [cp, same] of foldMates()) if (setHas(set, cp)) for (const mate of same) extra.push(mate, mate);
  }
  return extra.length === 0 ? set : normalizeRanges([...set, ...extra]);
}
