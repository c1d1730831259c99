const NAMED_FLAGS: Readonly<Record<string, string>> = {
  IGNORECASE: 'i',
  I: 'i',
  MULTILINE: 'm',
  M: 'm',
  DOTALL: 's',
  S: 's',
  UNICODE: 'u',
  U: 'u',
};
const UNSUPPORTED_NAMES = new Set(['VERBOSE', 'X']);
// `g` is accepted and redundant: matching is always global.
const JS_LETTERS = /^[imsug]+$/;

export type FlagProblem = { index: number; token: string; kind: 'unknown' | 'unsupported' };

/**
 * Turns config flag tokens into a JS flags string that always includes `g`. A token is a Python name
 * (`IGNORECASE`, `I`, `MULTILINE`, `M`, `DOTALL`, `S`, `UNICODE`, `U`; names case-insensitive) or a run
 * of JS letters from `imsu` (`"im"` is two flags). `VERBOSE`/`X` have no JS equivalent.
 */
export function parseRegexFlags(tokens: readonly string[]): { flags: string; problems: FlagProblem[] } {
  const letters = new Set<string>(['g']);
  const problems: FlagProblem[] = [];
  tokens.forEach((token, index) => {
    const named = token.length > 1 ? NAMED_FLAGS[token.toUpperCase()] : NAMED_FLAGS[token];
    if (named !== undefined) letters.add(named);
    else if (UNSUPPORTED_NAMES.has(token.length > 1 ? token.toUpperCase() : token)) problems.push({ index, token, kind: 'unsupported' });
    else if (JS_LETTERS.test(token)) for (const letter of token) letters.add(letter);
    else problems.push({ index, token, kind: 'unknown' });
  });
  return { flags: [...letters].sort().join(''), problems };
}
