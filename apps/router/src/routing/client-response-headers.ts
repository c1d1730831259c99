import { connectionListedHeaders, type HeaderMap } from '@llm-router/core';
import { SecretRedactor } from '@llm-router/logging';
import { safeHeaderValue } from '../redaction/safe-header-value.js';

/**
 * Upstream response headers relayed to the client, by name: the content type, what client SDKs read
 * (request ids, retry hints: `retry-after`, `retry-after-ms`, `x-should-retry`) and the informative
 * ones (OpenAI's processing time and API version). Everything else is dropped: an upstream's
 * `set-cookie`, debug headers, its server and hop-by-hop headers never reach a client.
 */
const RELAYED = new Set(['content-type', 'retry-after', 'retry-after-ms', 'x-should-retry', 'request-id', 'openai-processing-ms', 'openai-version']);

/** Rate-limit families relayed whole: OpenAI's (and most compatible servers') and Anthropic's. */
const RELAYED_PREFIXES = ['x-ratelimit-', 'anthropic-ratelimit-'];

export interface ClientResponseHeadersOptions {
  /** Removes the router's secrets from relayed values (an upstream may quote the key it was sent). */
  redactor?: SecretRedactor;
  /** Headers of the router's own to add (e.g. `x-router-warnings`): sanitized like the rest. */
  router?: HeaderMap;
  /**
   * Names of the headers already on the client's response (`reply.raw.getHeaderNames()`). When the router
   * set headers of a rate-limit family itself (the access layer's limits for this caller), the upstream's
   * headers of that family are not relayed at all: they describe the operator's upstream quota, not the
   * caller's, and a mix of the two families' numbers would mislead the client's SDK.
   */
  alreadySet?: readonly string[];
}

/**
 * The headers to answer with: the allowlisted upstream headers above, the upstream's `x-request-id`
 * renamed `x-upstream-request-id` (the router's own request id owns `x-request-id`), and
 * `x-router-upstream-model`, the model that really answered. Every value is redacted and then made a
 * valid header value (safeHeaderValue): the one place the app's response headers are built.
 */
export function clientResponseHeaders(upstream: HeaderMap, upstreamModel: string, options: ClientResponseHeadersOptions = {}): HeaderMap {
  const redactor = options.redactor ?? SecretRedactor.NONE;
  const out: HeaderMap = {};
  const put = (name: string, value: string) => {
    out[name] = safeHeaderValue(redactor.redact(value));
  };
  const listed = connectionListedHeaders(upstream);
  const preset = options.alreadySet ?? [];
  const relayedPrefixes = RELAYED_PREFIXES.filter((prefix) => !preset.some((name) => name.startsWith(prefix)));
  for (const [name, value] of Object.entries(upstream)) {
    if (listed.has(name)) continue;
    if (RELAYED.has(name) || relayedPrefixes.some((prefix) => name.startsWith(prefix))) put(name, value);
  }
  const upstreamRequestId = upstream['x-request-id'];
  if (upstreamRequestId !== undefined) put('x-upstream-request-id', upstreamRequestId);
  put('x-router-upstream-model', upstreamModel);
  for (const [name, value] of Object.entries(options.router ?? {})) put(name, value);
  return out;
}
