import { type ClientFormat, RouterError } from '@llm-router/core';
import { unreachable } from '../unreachable.js';

/**
 * `ProviderAdapter.url` for OpenAI: `endpoint` is the API base including the version
 * (`https://api.openai.com/v1`, `http://vllm:8000/v1`); trailing slashes are dropped.
 * An `anthropic-messages` body is never sent to OpenAI natively (it is translated to chat first), so
 * being asked for its URL is a router bug: a 500.
 */
export function openAIUrl(endpoint: string, format: ClientFormat): string {
  let end = endpoint.length;
  while (end > 0 && endpoint.charCodeAt(end - 1) === 0x2f /* '/' */) end--;
  const base = endpoint.slice(0, end);
  switch (format) {
    case 'openai-chat':
      return `${base}/chat/completions`;
    case 'openai-completions':
      return `${base}/completions`;
    case 'openai-responses':
      return `${base}/responses`;
    case 'anthropic-messages':
      throw new RouterError('api_error', 'openai: no native endpoint for anthropic-messages requests (translate them to openai-chat)', {
        provider: 'openai',
      });
    default:
      return unreachable(format, `${base}/chat/completions`);
  }
}
