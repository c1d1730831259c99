/**
 * True for `application/json`, with or without parameters (`; charset=utf-8`), in any case. Nothing else
 * is JSON to the router: not `text/plain` (what a cross-site form or `fetch` can send without a CORS
 * preflight), not the `+json` suffix types (no LLM client sends them).
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
  return essence.length === 16 && essence.toLowerCase() === 'application/json';
}
