import { type HeaderMap, kindForStatus, parseRetryAfterMs, RouterError } from '@llm-router/core';
import { isRetryableResponse } from './is-retryable-response.js';
import { readOpenAIErrorBody } from './read-openai-error-body.js';
import { textSnippet } from './text-snippet.js';

const SNIPPET_LENGTH = 200;

/**
 * `ProviderAdapter.classifyError` for OpenAI(-compatible) upstreams: the upstream status kept, its kind
 * from the status, the upstream message prefixed `openai: `, `code`/`param` kept. Bodies without a
 * message (HTML from a proxy, empty) become `openai upstream returned HTTP <status>` plus a snippet.
 *
 * Surprise: a 401/403 here means the router's own upstream key was refused; the kind stays
 * `authentication`/`permission` and whoever renders it decides not to blame the client's key (§5.9).
 */
export function classifyOpenAIError(status: number, body: string, headers: HeaderMap): RouterError {
  const details = readOpenAIErrorBody(body);
  let message = details.message;
  if (message === undefined) {
    const snippet = textSnippet(body, SNIPPET_LENGTH);
    message = `openai upstream returned HTTP ${status}${snippet === '' ? '' : `: ${snippet}`}`;
  }
  return new RouterError(kindForStatus(status), `openai: ${message}`, {
    status,
    code: details.code,
    param: details.param,
    retryable: isRetryableResponse(status, headers),
    retryAfterMs: parseRetryAfterMs(headers),
    provider: 'openai',
  });
}
