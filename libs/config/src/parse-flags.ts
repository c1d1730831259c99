// A run of JavaScript regex flag letters ("im"), split into one token per letter.
const JS_FLAG_RUN = /^[dgimsuvy]+$/;

/**
 * Splits `flags` as written into tokens, without interpreting them: a string or each list item is split on `|`,
 * `,` or whitespace, and a token made only of JS flag letters is split into letters.
 * "IGNORECASE|MULTILINE" -> ["IGNORECASE","MULTILINE"], "im" -> ["i","m"], ["i", "MULTILINE"] -> ["i","MULTILINE"].
 */
export function parseFlags(flags: string | readonly string[]): string[] {
  const written = typeof flags === 'string' ? [flags] : flags;
  return written
    .flatMap((item) => item.split(/[|,\s]+/))
    .filter((token) => token !== '')
    .flatMap((token) => (JS_FLAG_RUN.test(token) ? [...token] : [token]));
}
