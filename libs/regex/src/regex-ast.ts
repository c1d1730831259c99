import type { CharSet } from './char-set.js';

/** Zero-width assertions; which flags applied is already resolved (e.g. `^` under MULTILINE is `line-start`). */
export type AssertionKind = 'start' | 'line-start' | 'end' | 'end-or-final-newline' | 'line-end' | 'word-boundary' | 'not-word-boundary';

/** The parsed pattern. Character-consuming atoms are all `set`s, case folding already applied. */
export type RegexNode =
  | { kind: 'empty' }
  | { kind: 'set'; set: CharSet; /** the code point when the atom is one literal matched exactly */ literal?: number }
  | { kind: 'concat'; items: RegexNode[] }
  | { kind: 'alternation'; items: RegexNode[] }
  | { kind: 'group'; index: number; body: RegexNode }
  | { kind: 'repeat'; min: number; max: number; greedy: boolean; body: RegexNode }
  | { kind: 'assertion'; assertion: AssertionKind; asciiWord: boolean };

export interface ParsedRegex {
  root: RegexNode;
  /** Number of capturing groups (group 0, the whole match, not counted). */
  groupCount: number;
  groupNames: ReadonlyMap<string, number>;
}

/** Flags that change how the rest of the pattern is read; scoped by `(?flags:...)`. */
export interface RegexFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  ascii: boolean;
  verbose: boolean;
}
