import { RouterError, type RoutableRequest } from '@llm-router/core';

/**
 * Checks a `/v1/messages` body far enough to route it, with Anthropic's (pydantic-style) messages:
 * `max_tokens: Field required`, `stream: Input should be a valid boolean`. The message names the field
 * with Anthropic's dotted path (`messages.0.role`); `param` uses the router's bracket form
 * (`messages[0].role`).
 *
 * Cheap by contract (it runs on every request): top-level fields plus one shallow pass over
 * `messages`; content blocks are left to the upstream or the translator.
 *
 * A JSON `null` for the optional `stream` and `system` counts as absent.
 */
export function inspectMessagesRequest(body: unknown): RoutableRequest {
  if (!isObject(body)) throw RouterError.invalidRequest('body: Input should be a valid dictionary');

  const model = body['model'];
  if (model === undefined) throw invalid('model', 'Field required');
  if (typeof model !== 'string') throw invalid('model', 'Input should be a valid string');
  if (model === '') throw invalid('model', 'String should have at least 1 character');

  const maxTokens = body['max_tokens'];
  if (maxTokens === undefined) throw invalid('max_tokens', 'Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens)) {
    throw invalid('max_tokens', 'Input should be a valid integer');
  }
  if (maxTokens < 0) throw invalid('max_tokens', 'Input should be greater than or equal to 0');

  const messages = body['messages'];
  if (messages === undefined) throw invalid('messages', 'Field required');
  if (!Array.isArray(messages)) throw invalid('messages', 'Input should be a valid list');
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    if (!isObject(message)) throw invalid(`messages.${i}`, 'Input should be a valid dictionary', `messages[${i}]`);
    const role = message['role'];
    if (role === undefined) throw invalid(`messages.${i}.role`, 'Field required', `messages[${i}].role`);
    if (typeof role !== 'string') {
      throw invalid(`messages.${i}.role`, 'Input should be a valid string', `messages[${i}].role`);
    }
  }

  const stream = body['stream'];
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw invalid('stream', 'Input should be a valid boolean');
  }

  const system = body['system'];
  if (system !== undefined && system !== null && typeof system !== 'string' && !Array.isArray(system)) {
    throw invalid('system', 'Input should be a valid string or a list of text blocks');
  }

  return { model, stream: stream === true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, problem: string, param: string = path): RouterError {
  return RouterError.invalidRequest(`${path}: ${problem}`, param);
}
