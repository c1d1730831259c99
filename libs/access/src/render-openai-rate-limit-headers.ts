import type { LimitState, RateLimitNumbers } from './rate-limit-numbers.js';

/**
 * OpenAI's rate-limit headers (`x-ratelimit-{limit,remaining,reset}-{requests,tokens}`), for successful answers
 * and refusals alike. Resets are durations in OpenAI's style (`59s`, `6m0s`, `250ms`). `retryAfterSeconds`
 * (refusals) adds `retry-after`. Written out per family with literal names: this runs on every admitted request.
 */
export function renderOpenAiRateLimitHeaders(numbers: RateLimitNumbers, now: number, retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const requests: LimitState | undefined = numbers.requests;
  if (requests !== undefined) {
    headers['x-ratelimit-limit-requests'] = `${requests.limit}`;
    headers['x-ratelimit-remaining-requests'] = `${requests.remaining}`;
    headers['x-ratelimit-reset-requests'] = formatOpenAiDuration(requests.resetAt - now);
  }
  const tokens: LimitState | undefined = numbers.tokens;
  if (tokens !== undefined) {
    headers['x-ratelimit-limit-tokens'] = `${tokens.limit}`;
    headers['x-ratelimit-remaining-tokens'] = `${tokens.remaining}`;
    headers['x-ratelimit-reset-tokens'] = formatOpenAiDuration(tokens.resetAt - now);
  }
  if (retryAfterSeconds !== undefined) headers['retry-after'] = `${retryAfterSeconds}`;
  return headers;
}

/** `250ms` below a second, else whole seconds rounded up as Go prints durations: `59s`, `6m0s`, `1h0m0s`. */
export function formatOpenAiDuration(ms: number): string {
  const clamped = Math.max(0, Math.ceil(ms));
  if (clamped < 1000) return `${clamped}ms`;
  const total = Math.ceil(clamped / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
