import type { LimitState, RateLimitNumbers } from './rate-limit-numbers.js';

/**
 * Anthropic's rate-limit headers (`anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}`), resets as
 * RFC 3339 UTC timestamps rounded up to the second. `retryAfterSeconds` (refusals) adds `retry-after`.
 */
export function renderAnthropicRateLimitHeaders(numbers: RateLimitNumbers, retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [family, state] of [['requests', numbers.requests], ['tokens', numbers.tokens]] as const) {
    if (state === undefined) continue;
    headers[`anthropic-ratelimit-${family}-limit`] = String(state.limit);
    headers[`anthropic-ratelimit-${family}-remaining`] = String(state.remaining);
    headers[`anthropic-ratelimit-${family}-reset`] = formatRfc3339(state);
  }
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return headers;
}

function formatRfc3339(state: LimitState): string {
  return new Date(Math.ceil(state.resetAt / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
