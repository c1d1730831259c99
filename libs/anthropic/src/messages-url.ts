import { RouterError, type ClientFormat } from '@llm-router/core';
import { endpointRoot } from './endpoint-root.js';

/**
 * Where an Anthropic upstream takes a request: the configured endpoint is the host root
 * (`https://api.anthropic.com`, or a gateway prefix without `/v1`); trailing slashes are dropped and
 * `/v1/messages` appended. Only the Messages format exists upstream; any other is a router bug.
 */
export function messagesUrl(endpoint: string, format: ClientFormat): string {
  if (format !== 'anthropic-messages') {
    throw new RouterError('api_error', `anthropic provider cannot send a ${format} request`, { provider: 'anthropic' });
  }
  return `${endpointRoot(endpoint)}/v1/messages`;
}
