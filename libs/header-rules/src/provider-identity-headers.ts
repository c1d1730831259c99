/**
 * Client headers that choose whose provider account a request runs under, or carry a provider key the
 * router does not list among its credentials: the operator's to set, not the caller's. Like the
 * credentials (`CREDENTIAL_HEADERS`), they are dropped unless the model sets
 * `forward_client_credentials: true`; an operator who wants one sends it with `add_headers` or
 * `force_headers`.
 *
 * - `openai-organization`, `openai-project`: which OpenAI organization / project is billed and whose
 *   rate limits apply. A caller who names another organization of the operator's key spends its quota.
 * - `x-goog-api-key`: a Gemini API key; `x-goog-user-project`: the Google Cloud project billed.
 *
 * Not here, on purpose (forwarded): `anthropic-version`, `anthropic-beta` and `openai-beta` are protocol
 * and feature flags clients need (Claude Code sends `anthropic-beta` for thinking, tool streaming and
 * caching and breaks without it); drop them with `drop_headers` if a beta must not be used.
 */
export const PROVIDER_IDENTITY_HEADERS: ReadonlySet<string> = new Set(['openai-organization', 'openai-project', 'x-goog-api-key', 'x-goog-user-project']);
