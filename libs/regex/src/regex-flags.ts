import type { RegexFlags } from './regex-ast.js';

type FlagName = keyof RegexFlags | 'unicode';

const NAMED_FLAGS: Readonly<Record<string, FlagName>> = {
  IGNORECASE: 'ignoreCase',
  I: 'ignoreCase',
  MULTILINE: 'multiline',
  M: 'multiline',
  DOTALL: 'dotAll',
  S: 'dotAll',
  ASCII: 'ascii',
  A: 'ascii',
  VERBOSE: 'verbose',
  X: 'verbose',
  UNICODE: 'unicode',
  U: 'unicode',
};
const LETTERS: Readonly<Record<string, FlagName | 'global'>> = { i: 'ignoreCase', m: 'multiline', s: 'dotAll', a: 'ascii', x: 'verbose', u: 'unicode', g: 'global' };
const UNSUPPORTED = new Set(['LOCALE', 'L', 'DEBUG', 'TEMPLATE', 'T']);
const LETTER_RUN = /^[imsaxug]+$/;

export type FlagProblem = { index: number; token: string; kind: 'unknown' | 'unsupported' | 'incompatible' };

/**
 * Reads config flag tokens as Python `re` flags. A token is a Python name, case-insensitive, optionally
 * prefixed `re.` (`IGNORECASE`/`I`, `MULTILINE`/`M`, `DOTALL`/`S`, `ASCII`/`A`, `VERBOSE`/`X`,
 * `UNICODE`/`U`, the default for str patterns, so accepted and without effect), or a run of lower-case
 * letters from `imsaxu` (`"im"` is two flags; `g` is accepted and redundant, matching is always global).
 * `LOCALE` (bytes patterns only), `DEBUG` and `TEMPLATE` are unsupported; `ASCII` with `UNICODE` is
 * incompatible (as in Python).
 */
export function parseRegexFlags(tokens: readonly string[]): { flags: RegexFlags; problems: FlagProblem[] } {
  const flags: RegexFlags = { ignoreCase: false, multiline: false, dotAll: false, ascii: false, verbose: false };
  const problems: FlagProblem[] = [];
  let unicodeAt: number | undefined;
  let asciiAt: number | undefined;
  tokens.forEach((token, index) => {
    const name = token.replace(/^re\./i, '').toUpperCase();
    const named: FlagName | 'global' | undefined = NAMED_FLAGS[name];
    const letters: Array<FlagName | 'global'> | undefined = named !== undefined ? [named] : LETTER_RUN.test(token) ? [...token].map((letter) => LETTERS[letter]) : undefined;
    if (letters === undefined) {
      problems.push({ index, token, kind: UNSUPPORTED.has(name) ? 'unsupported' : 'unknown' });
      return;
    }
    for (const flag of letters) {
      if (flag === 'global') continue;
      if (flag === 'unicode') unicodeAt ??= index;
      else flags[flag] = true;
      if (flag === 'ascii') asciiAt ??= index;
    }
  });
  if (unicodeAt !== undefined && asciiAt !== undefined) {
    const index = Math.max(unicodeAt, asciiAt);
    problems.push({ index, token: tokens[index], kind: 'incompatible' });
  }
  return { flags, problems };
}
