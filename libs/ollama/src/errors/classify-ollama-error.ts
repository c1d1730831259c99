import { type ErrorKind, type HeaderMap, kindForStatus, parseRetryAfterMs, RouterError } from '@llm-router/core';
import { readOllamaErrorMessage } from './read-ollama-error-message.js';
import { textSnippet } from './text-snippet.js';

const SNIPPET_LENGTH = 200;

/**
 * `ProviderAdapter.classifyError` for Ollama (§4.6, §5.9). The body is `{"error":"…"}`; anything else
 * (an auth proxy's HTML page, an empty body) is described by status and a short snippet. The message is
 * prefixed `ollama: `; retryable for 408, 429 and 5xx, with the upstream's `retry-after`.
 *
 * Ollama's statuses: 400 bad input and `"<model>" does not support tools|thinking|vision|insert`
 * (invalid_request), 404 `model 'x' not found` (not_found), 429, 500, 502 (cloud model unreachable),
 * 503 queue full (overloaded). Surprise: 499 is Ollama's "request canceled" (the caller went away), which
 * is not a client error to pass on: it becomes a non-retryable api_error with status 500.
 */
export function classifyOllamaError(status: number, body: string, headers: HeaderMap): RouterError {
  let message = readOllamaErrorMessage(body);
  if (message === undefined) {
    const snippet = textSnippet(body, SNIPPET_LENGTH);
    message = `ollama upstream returned HTTP ${status}${snippet === '' ? '' : `: ${snippet}`}`;
  }
  const canceled = status === 499;
  return new RouterError(kindForOllamaStatus(status), `ollama: ${message}`, {
    status: canceled ? 500 : status,
    retryable: !canceled && (status === 408 || status === 429 || status >= 500),
    retryAfterMs: parseRetryAfterMs(headers),
    provider: 'ollama',
  });
}

function kindForOllamaStatus(status: number): ErrorKind {
  return status === 499 ? 'api_error' : kindForStatus(status);
}
