/**
 * HTTP headers as the router passes them between libs: lower-case names, one string value each
 * (repeated headers are joined with ", " as RFC 9110 allows, except set-cookie, which we never forward).
 */
export type HeaderMap = Record<string, string>;

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus those the router recomputes; never forwarded either way. */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  // The router asks upstreams for identity encoding so it can read, log and translate bodies.
  'accept-encoding',
  'content-encoding',
]);

/**
 * Client headers that carry credentials. They are removed before header rules run unless the model's
 * config sets `forward_client_credentials: true`.
 */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'x-api-key', 'api-key', 'cookie']);

/** Normalises Node's IncomingHttpHeaders (arrays, undefined) into a HeaderMap. */
export function toHeaderMap(headers: Record<string, string | string[] | number | undefined>): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

const NO_TOKENS: ReadonlySet<string> = new Set();

/**
 * The header names a message's `Connection` header lists (RFC 9110 §7.6.1): hop-by-hop for that message,
 * so never forwarded, like the fixed HOP_BY_HOP_HEADERS.
 */
export function connectionListedHeaders(headers: HeaderMap): ReadonlySet<string> {
  const value = headers['connection'];
  if (value === undefined || value === '') return NO_TOKENS;
  return new Set(value.split(',').map((token) => token.trim().toLowerCase()).filter((token) => token !== ''));
}
