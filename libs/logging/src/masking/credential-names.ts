import { CREDENTIAL_HEADERS } from '@llm-router/core';

/**
 * Header and JSON field names (lower-case) whose values are credentials: masked by name, whatever
 * they look like. The credential headers of @llm-router/core plus those a log line may carry
 * (responses' set-cookie, proxies' proxy-authorization, Google's key header) and the usual
 * credential fields of JSON and form bodies.
 */
export const CREDENTIAL_NAMES: ReadonlySet<string> = new Set([
  ...CREDENTIAL_HEADERS,
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
  'api_key',
  'apikey',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
]);

/** Credential names whose value starts with an auth scheme that stays readable (`Bearer sk-12345...cdef`). */
export const SCHEME_CREDENTIAL_NAMES: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization']);
