import { endpointRoot } from './endpoint-root.js';

/**
 * Anthropic's token counting endpoint under the configured endpoint (the host root, like
 * `messagesUrl`): `{endpoint}/v1/messages/count_tokens` (docs/protocols.md §3.10).
 */
export function countTokensUrl(endpoint: string): string {
  return `${endpointRoot(endpoint)}/v1/messages/count_tokens`;
}
