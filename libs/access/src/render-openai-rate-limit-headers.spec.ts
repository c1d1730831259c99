import { describe, expect, it } from '@jest/globals';
import { formatOpenAiDuration, renderOpenAiRateLimitHeaders } from './render-openai-rate-limit-headers.js';

describe('renderOpenAiRateLimitHeaders', () => {
  it('renders limit, remaining and reset for requests and tokens, and retry-after for refusals', () => {
    const numbers = { requests: { limit: 60, remaining: 59, resetAt: 60_000 }, tokens: { limit: 200_000, remaining: 150_000, resetAt: 60_000 } };
    expect(renderOpenAiRateLimitHeaders(numbers, 1_000)).toEqual({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '59s',
      'x-ratelimit-limit-tokens': '200000',
      'x-ratelimit-remaining-tokens': '150000',
      'x-ratelimit-reset-tokens': '59s',
    });
    expect(renderOpenAiRateLimitHeaders({ requests: numbers.requests }, 59_750, 1)).toEqual({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '250ms',
      'retry-after': '1',
    });
    expect(renderOpenAiRateLimitHeaders({}, 0)).toEqual({});
  });

  it('formats durations as OpenAI does', () => {
    expect(formatOpenAiDuration(-5)).toBe('0ms');
    expect(formatOpenAiDuration(999)).toBe('999ms');
    expect(formatOpenAiDuration(1000)).toBe('1s');
    expect(formatOpenAiDuration(1001)).toBe('2s');
    expect(formatOpenAiDuration(360_000)).toBe('6m0s');
    expect(formatOpenAiDuration(3_600_000 + 61_000)).toBe('1h1m1s');
  });
});
