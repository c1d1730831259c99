import { RouterError } from '@llm-router/core';

/**
 * Anthropic's Messages API (and its count_tokens) needs a non-empty `messages` list; Anthropic answers
 * a 400 otherwise, so the router does too, before any upstream work (OpenAI chat's codec checks its own).
 */
export function requireAnthropicMessages(body: unknown): void {
  const messages = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)['messages'] : undefined;
  if (messages === undefined || messages === null) throw RouterError.invalidRequest('messages: Field required', 'messages');
  if (!Array.isArray(messages)) throw RouterError.invalidRequest('messages: Input should be a valid list', 'messages');
  if (messages.length === 0) throw RouterError.invalidRequest('messages: at least one message is required', 'messages');
}
