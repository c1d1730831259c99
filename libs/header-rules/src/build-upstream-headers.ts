import { connectionListedHeaders, CREDENTIAL_HEADERS, type HeaderMap, HOP_BY_HOP_HEADERS } from '@llm-router/core';
import { pythonTest } from '@llm-router/regex';
import type { CompiledHeaderRules } from './compiled-header-rules.js';
import { PROVIDER_IDENTITY_HEADERS } from './provider-identity-headers.js';

export interface UpstreamHeaderOptions {
  /**
   * The model's `forward_client_credentials`: keep the client's credentials (authorization, x-api-key,
   * api-key, cookie) and provider-identity headers (PROVIDER_IDENTITY_HEADERS: openai-organization, ...).
   */
  forwardCredentials: boolean;
  /** Headers the provider needs (e.g. `anthropic-version`): set only if still absent after add_headers. */
  required?: HeaderMap;
  /** Headers the router owns (provider auth from the configured key, content-type): set, overriding. */
  router?: HeaderMap;
}

/**
 * The whole header policy for one upstream request, in this order:
 * 1. the client's headers minus hop-by-hop ones (the fixed set and those its `Connection` header lists),
 *    minus credentials and provider-identity headers unless `forwardCredentials`;
 * 2. `dropAll` empties them, then names and regexes in the drop list remove theirs;
 * 3. add_headers, each only if absent;
 * 4. `required`, each only if absent;
 * 5. `router`, overriding;
 * 6. force_headers, overriding everything (so a forced Authorization beats the router's key).
 *
 * Returns a new map with lower-case names; inputs are not mutated. Names in `client`, `required` and
 * `router` are lower-cased here too, so callers holding mixed-case maps are still safe.
 */
export function buildUpstreamHeaders(client: HeaderMap, rules: CompiledHeaderRules, options: UpstreamHeaderOptions): HeaderMap {
  const out = new Map<string, string>();
  if (!rules.dropAll) {
    const listed = connectionListedHeaders(client);
    for (const [rawName, value] of Object.entries(client)) {
      const name = rawName.toLowerCase();
      if (HOP_BY_HOP_HEADERS.has(name) || listed.has(name)) continue;
      if (!options.forwardCredentials && (CREDENTIAL_HEADERS.has(name) || PROVIDER_IDENTITY_HEADERS.has(name))) continue;
      if (rules.dropNames.has(name) || rules.dropPatterns.some((pattern) => pythonTest(pattern.regex, name))) continue;
      out.set(name, value);
    }
  }
  for (const [name, value] of rules.addHeaders) if (!out.has(name)) out.set(name, value);
  for (const [name, value] of Object.entries(options.required ?? {})) {
    if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), value);
  }
  for (const [name, value] of Object.entries(options.router ?? {})) out.set(name.toLowerCase(), value);
  for (const [name, value] of rules.forceHeaders) out.set(name, value);
  // fromEntries defines own properties, so even a header named __proto__ stays an ordinary entry.
  return Object.fromEntries(out);
}
