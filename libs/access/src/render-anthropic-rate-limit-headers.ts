import type { LimitState, RateLimitNumbers } from './rate-limit-numbers.js';

/**
 * Anthropic's rate-limit headers (`anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}`), resets as
 * RFC 3339 UTC timestamps rounded up to the second. `retryAfterSeconds` (refusals) adds `retry-after`.
 * Written out per family with literal names: this runs on every admitted request.
 */
export function renderAnthropicRateLimitHeaders(numbers: RateLimitNumbers, retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const requests: LimitState | undefined = numbers.requests;
  if (requests !== undefined) {
    headers['anthropic-ratelimit-requests-limit'] = `${requests.limit}`;
    headers['anthropic-ratelimit-requests-remaining'] = `${requests.remaining}`;
    headers['anthropic-ratelimit-requests-reset'] = formatRfc3339(requests);
  }
  const tokens: LimitState | undefined = numbers.tokens;
  if (tokens !== undefined) {
    headers['anthropic-ratelimit-tokens-limit'] = `${tokens.limit}`;
    headers['anthropic-ratelimit-tokens-remaining'] = `${tokens.remaining}`;
    headers['anthropic-ratelimit-tokens-reset'] = formatRfc3339(tokens);
  }
  if (retryAfterSeconds !== undefined) headers['retry-after'] = `${retryAfterSeconds}`;
  return headers;
}

function formatRfc3339(state: LimitState): string {
  return new Date(Math.ceil(state.resetAt / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
