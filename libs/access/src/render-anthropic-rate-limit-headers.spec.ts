import { describe, expect, it } from '@jest/globals';
import { renderAnthropicRateLimitHeaders } from './render-anthropic-rate-limit-headers.js';

describe('renderAnthropicRateLimitHeaders', () => {
  it('renders limit, remaining and an RFC 3339 reset rounded up to the second', () => {
    const resetAt = Date.UTC(2026, 11, 4, 12, 1, 0) - 250;
    expect(renderAnthropicRateLimitHeaders({ requests: { limit: 50, remaining: 0, resetAt }, tokens: { limit: 1000, remaining: 10, resetAt } }, 7)).toEqual({
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-12-04T12:01:00Z',
      'anthropic-ratelimit-tokens-limit': '1000',
      'anthropic-ratelimit-tokens-remaining': '10',
      'anthropic-ratelimit-tokens-reset': '2026-12-04T12:01:00Z',
      'retry-after': '7',
    });
  });
});
