/** Whether a caller may use a router model name. Compiled once at boot from the caller's globs. */
export type ModelMatcher = (model: string) => boolean;

const GLOB_CHARS = /[*?]/;

/**
 * Compiles model globs: `*` any run of characters (`/` included), `?` exactly one character (code point),
 * anything else literal. No regex is built from the globs: a glob is matched by a greedy-star scan that is
 * O(glob x name) at worst, so no pattern can backtrack exponentially. Exact names are a Set lookup; a `*`
 * entry allows every model.
 */
export function compileModelGlobs(globs: readonly string[]): ModelMatcher {
  if (globs.includes('*')) return () => true;
  const exact = new Set(globs.filter((glob) => !GLOB_CHARS.test(glob)));
  const patterns = globs.filter((glob) => GLOB_CHARS.test(glob)).map((glob) => [...glob]);
  if (patterns.length === 0) return (model) => exact.has(model);
  return (model) => {
    if (exact.has(model)) return true;
    const name = [...model];
    return patterns.some((pattern) => globMatches(pattern, name));
  };
}

/** Classic wildcard matching: on a mismatch, retry from the last `*` consuming one more character. */
export function globMatches(pattern: readonly string[], name: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let starName = 0;
  while (n < name.length) {
    const token = pattern[p];
    if (token === '*') {
      star = p++;
      starName = n;
    } else if (token !== undefined && (token === '?' || token === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++starName;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
