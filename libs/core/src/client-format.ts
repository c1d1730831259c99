/**
 * The API formats clients speak to the router. Each is owned by one API-family lib
 * (@llm-router/openai owns the three OpenAI formats: chat, legacy completions and Responses; @llm-router/anthropic the Messages format).
 */
export type ClientFormat = 'openai-chat' | 'openai-completions' | 'openai-responses' | 'anthropic-messages';

export const CLIENT_FORMATS: readonly ClientFormat[] = ['openai-chat', 'openai-completions', 'openai-responses', 'anthropic-messages'];

/**
 * The client format implied by a request path, used where no route matched yet
 * (body parse errors, unknown paths). Query strings are ignored.
 */
export function clientFormatForPath(url: string): ClientFormat {
  const path = url.split('?', 1)[0] ?? '';
  if (path.startsWith('/v1/messages')) return 'anthropic-messages';
  if (path.startsWith('/v1/completions')) return 'openai-completions';
  if (path.startsWith('/v1/responses')) return 'openai-responses';
  return 'openai-chat';
}
