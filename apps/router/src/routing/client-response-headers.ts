import { connectionListedHeaders, HOP_BY_HOP_HEADERS, type HeaderMap } from '@llm-router/core';

/** Upstream response headers the client never sees: hop-by-hop ones (also those its Connection header lists), cookies, and the length we recompute. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP_HEADERS, 'set-cookie', 'date', 'server', 'x-request-id']);

/**
 * The headers to answer with: the upstream's (rate-limit, request ids, retry hints...), minus those above.
 * The upstream's `x-request-id` is renamed `x-upstream-request-id`, because the router's own request id
 * owns `x-request-id`. `x-router-upstream-model` names the model that really answered.
 */
export function clientResponseHeaders(upstream: HeaderMap, upstreamModel: string): HeaderMap {
  const out: HeaderMap = {};
  const listed = connectionListedHeaders(upstream);
  for (const [name, value] of Object.entries(upstream)) {
    if (!NOT_FORWARDED.has(name) && !listed.has(name)) out[name] = value;
  }
  const upstreamRequestId = upstream['x-request-id'];
  if (upstreamRequestId !== undefined) out['x-upstream-request-id'] = upstreamRequestId;
  out['x-router-upstream-model'] = upstreamModel;
  return out;
}
