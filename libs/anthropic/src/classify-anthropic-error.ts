import { kindForStatus, parseRetryAfterMs, RouterError, type HeaderMap } from '@llm-router/core';
import { kindForErrorType } from './kind-for-error-type.js';

const SNIPPET_LIMIT = 200;

/** What an upstream error body said, as far as it could be read. */
interface UpstreamErrorDetails {
  type?: string;
  message: string;
  code?: string;
}

/**
 * An Anthropic upstream error response as a RouterError (docs/protocols.md §3.9):
 * - kind from `error.type` when the router knows it, else from the status (`kindForStatus`);
 * - status kept as sent (529 stays 529);
 * - message `anthropic: <upstream message>`; a body that is not Anthropic's error JSON (an HTML page
 *   from a proxy, an empty body) gives `anthropic upstream returned HTTP <status>` and a snippet of
 *   at most 200 characters;
 * - retryable as the SDK decides: 408, 409, 429, ≥500, overridden by `x-should-retry: true|false`;
 * - `retryAfterMs` from `retry-after-ms` / `retry-after`; `code` from SDK 1.x `error.details.error_code`.
 */
export function classifyAnthropicError(status: number, body: string, headers: HeaderMap): RouterError {
  const details = readErrorBody(body) ?? {
    message: `anthropic upstream returned HTTP ${status}${snippetSuffix(body)}`,
  };
  const knownKind = details.type === undefined ? undefined : kindForErrorType(details.type);
  return new RouterError(knownKind ?? kindForStatus(status), details.message, {
    status,
    retryable: isRetryable(status, headers),
    retryAfterMs: parseRetryAfterMs(headers),
    provider: 'anthropic',
    code: details.code,
  });
}

function readErrorBody(body: string): UpstreamErrorDetails | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const error = parsed['error'];
  if (isObject(error) && typeof error['message'] === 'string') {
    const type = typeof error['type'] === 'string' ? error['type'] : undefined;
    const details = error['details'];
    const code = isObject(details) && typeof details['error_code'] === 'string' ? details['error_code'] : undefined;
    return { type, message: `anthropic: ${error['message']}`, code };
  }
  // Not Anthropic's shape, but JSON with a readable message (a gateway in front of the upstream).
  if (typeof error === 'string') return { message: `anthropic: ${error}` };
  if (typeof parsed['message'] === 'string') return { message: `anthropic: ${parsed['message']}` };
  return undefined;
}

function snippetSuffix(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: ${text.length > SNIPPET_LIMIT ? `${text.slice(0, SNIPPET_LIMIT - 1)}…` : text}`;
}

function isRetryable(status: number, headers: HeaderMap): boolean {
  const shouldRetry = headers['x-should-retry'];
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
