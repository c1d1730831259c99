import type { HeaderMap } from '@llm-router/core';

/**
 * Whether the same request may succeed if sent again, decided as the OpenAI SDK does (§1.1):
 * `x-should-retry: true|false` from the upstream wins; otherwise 408, 409, 429 and every 5xx.
 */
export function isRetryableResponse(status: number, headers: HeaderMap): boolean {
  const shouldRetry = headers['x-should-retry']?.trim().toLowerCase();
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
