/**
 * Regular-expression sources for key-like strings, masked wherever they appear even when nobody
 * configured them (a client's key inside a body, an upstream's error message quoting a key).
 *
 * A pattern either matches the secret alone, or starts with a named group (listed in
 * SECRET_PREFIX_GROUPS) holding a prefix that is kept: the replacement is `prefix + maskSecret(rest)`.
 * (Prefixes are captured rather than put in lookbehinds: lookbehinds are tried at every position and
 * made the combined regex five times slower.) Every pattern is stable on its own output: a masked
 * value (`sk-12345...cdef`, `****`) matches again only as itself, so masking twice (values, then the
 * whole serialised line) is harmless.
 */

/** `api-key` -> `[Aa][Pp][Ii]-[Kk][Ee][Yy]`: case-insensitive words inside a case-sensitive regex. */
function caseless(source: string): string {
  return source.replace(/[A-Za-z]/g, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);
}

/** Field names whose `name: value` / `"name":"value"` value is a credential (headers, JSON, text). */
const COLON_NAMES = caseless(
  '(?:x-)?api[-_]?key|x-goog-api-key|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|secret[-_]?key|password',
);

/** Query and form parameter names whose value is a credential (`?key=...`, `&access_token=...`). */
const QUERY_NAMES = caseless(
  '(?:x-)?api[-_]?key|key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|secret|password|sig',
);

/** Names of the groups that hold a prefix to keep in front of the masked secret. */
export const SECRET_PREFIX_GROUPS: readonly string[] = ['bearer', 'field', 'param', 'userinfo'];

/** Prefix groups whose secret is replaced by `****` whole (`user:password` would show its password's start). */
export const WHOLE_MASK_GROUPS: readonly string[] = ['userinfo'];

export const SECRET_PATTERN_SOURCES: readonly string[] = [
  // OpenAI / Anthropic style keys: sk-..., sk-proj-..., sk-ant-api03-... (at least 8 characters after
  // `sk-`, which a masked `sk-12345...cdef` never has).
  String.raw`\bsk-[A-Za-z0-9_-]{8,}`,
  // Google API keys.
  String.raw`\bAIza[A-Za-z0-9_-]{20,}`,
  // Bearer tokens in any text (RFC 6750 token68 characters).
  String.raw`(?<bearer>\b(?:[Bb]earer|BEARER)\s+)[A-Za-z0-9._~+/-]+=*`,
  // `"x-api-key":"..."`, `x-api-key: ...`, also inside JSON that was itself put in a string (`\"`).
  String.raw`(?<field>\b(?:${COLON_NAMES})\\?["']?\s*:\s*\\?["']?)[^\s"'\\,;&{}\[\]()<>]+`,
  // `?key=...`, `&access_token=...`, form bodies (`\b`: `monkey=` is no key, `x-key=` counts as one).
  String.raw`(?<param>\b(?:${QUERY_NAMES})=)[^&#\s"'\\]+`,
  // The userinfo of a URL (`https://user:password@host`), as configured endpoints may carry it.
  String.raw`(?<userinfo>\b[A-Za-z][A-Za-z0-9+.-]*://)[^\s/?#@"'\\<>]+(?=@)`,
];
