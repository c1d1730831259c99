/**
 * The forms in which a secret can appear in text: as written, JSON-escaped (inside a serialised JSON
 * string) and URL-encoded (in a query string or a URL's userinfo).
 */
export function secretVariants(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}
