/**
 * An endpoint URL's userinfo (`https://user:password@proxy.internal/v1`), split off: the URL the router
 * sends to (and logs) never carries credentials, and they become one `Authorization: Basic` header.
 * HTTP clients (got among them) otherwise turn userinfo into a Basic header silently, replacing the
 * provider's own `Authorization: Bearer <api_key>`, so a model with both would never send its key.
 */
export interface EndpointCredentials {
  /** The endpoint without userinfo, as written otherwise. */
  endpoint: string;
  /** `Basic base64(user:password)` (percent-decoded, as RFC 3986 writes them), when the URL had userinfo. */
  basicAuth?: string;
}

export function splitEndpointCredentials(endpoint: string): EndpointCredentials {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { endpoint };
  }
  if (url.username === '' && url.password === '') return { endpoint };
  const user = safeDecode(url.username);
  const password = safeDecode(url.password);
  url.username = '';
  url.password = '';
  // URL serialisation adds a trailing slash to a bare origin; keep the path as the config wrote it.
  const stripped = endpoint.endsWith('/') || url.pathname !== '/' ? url.toString() : url.toString().replace(/\/$/, '');
  return { endpoint: stripped, basicAuth: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
