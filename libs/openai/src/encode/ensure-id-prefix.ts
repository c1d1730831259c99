/** OpenAI ids carry a type prefix (`chatcmpl-`, `cmpl-`); ids from other upstreams get it prepended. */
export function ensureIdPrefix(id: string, prefix: string): string {
  return id.startsWith(prefix) ? id : prefix + id;
}
