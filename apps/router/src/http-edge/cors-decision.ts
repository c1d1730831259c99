import type { CorsConfig } from '@llm-router/config';

/** Response headers to add for the request's origin, and whether the request was a preflight to answer here. */
export interface CorsDecision {
  /** Answer `204` with `headers` and stop: an allowed preflight. */
  answerPreflight: boolean;
  headers: Record<string, string>;
}

const NOTHING: CorsDecision = { answerPreflight: false, headers: {} };

/** What a browser script may read of an answer besides the CORS-safelisted headers. */
const EXPOSED = 'x-request-id, request-id, retry-after';

/**
 * The CORS policy for one request, from `server.cors`. Off (no headers at all) while no origin is
 * allowed. On, every answer carries `Vary: Origin` (it depends on the origin, so caches must key on it);
 * an allowed origin gets `Access-Control-Allow-Origin` (its own value, or `*` when `*` is configured)
 * and, for a preflight (OPTIONS with Origin and Access-Control-Request-Method) of an allowed method,
 * the allow headers. A preflight that is not allowed gets no allow headers and goes on to be a 404 in
 * the client's format. Credentials are never allowed: the router's callers authenticate with keys in
 * headers, not cookies.
 */
export function decideCors(config: CorsConfig, method: string, origin: string | undefined, requestedMethod: string | undefined): CorsDecision {
  if (config.allowedOrigins.length === 0) return NOTHING;
  const vary = { vary: 'Origin' };
  if (origin === undefined) return { answerPreflight: false, headers: vary };
  const anyOrigin = config.allowedOrigins.includes('*');
  if (!anyOrigin && !config.allowedOrigins.includes(origin)) return { answerPreflight: false, headers: vary };
  const allowOrigin = { ...vary, 'access-control-allow-origin': anyOrigin ? '*' : origin };
  if (method !== 'OPTIONS' || requestedMethod === undefined) return { answerPreflight: false, headers: { ...allowOrigin, 'access-control-expose-headers': EXPOSED } };
  if (!config.allowedMethods.includes(requestedMethod.toUpperCase())) return { answerPreflight: false, headers: vary };
  return {
    answerPreflight: true,
    headers: {
      ...allowOrigin,
      'access-control-allow-methods': config.allowedMethods.join(', '),
      'access-control-allow-headers': config.allowedHeaders.join(', '),
      'access-control-max-age': String(config.maxAgeSeconds),
    },
  };
}
