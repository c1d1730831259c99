import { describe, expect, it } from '@jest/globals';
import type { AccessDenied } from './access-decision.js';
import { accessErrorFor } from './access-error-for.js';

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const rateLimit = { requests: { limit: 60, remaining: 0, resetAt: NOW + 30_000 } };

describe('accessErrorFor', () => {
  it('renders a missing or invalid key as 401 in each family', () => {
    const invalid: AccessDenied = { allowed: false, reason: 'invalid_key', status: 401, message: 'Invalid API key or token.', logDetail: 'jwt: ERR_JWT_EXPIRED' };
    expect(accessErrorFor(invalid, 'openai', NOW)).toEqual({ status: 401, type: 'invalid_request_error', code: 'invalid_api_key', message: 'Invalid API key or token.', headers: {} });
    expect(accessErrorFor(invalid, 'anthropic', NOW)).toEqual({ status: 401, type: 'authentication_error', code: null, message: 'Invalid API key or token.', headers: {} });
    expect(JSON.stringify(accessErrorFor(invalid, 'openai', NOW))).not.toContain('ERR_JWT');
  });

  it('renders a model outside the allowlist as 403', () => {
    const denied: AccessDenied = { allowed: false, reason: 'model_not_allowed', status: 403, message: 'no' };
    expect(accessErrorFor(denied, 'openai', NOW)).toMatchObject({ status: 403, code: 'model_not_allowed' });
    expect(accessErrorFor(denied, 'anthropic', NOW)).toMatchObject({ status: 403, type: 'permission_error' });
  });

  it('renders a rate limit as 429 with the family headers and retry-after', () => {
    const denied: AccessDenied = { allowed: false, reason: 'rate_limited', status: 429, message: 'slow down', retryAfterSeconds: 30, rateLimit, limitedBy: 'requests' };
    expect(accessErrorFor(denied, 'openai', NOW)).toEqual({
      status: 429,
      type: 'requests',
      code: 'rate_limit_exceeded',
      message: 'slow down',
      headers: { 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '30s', 'retry-after': '30' },
    });
    expect(accessErrorFor(denied, 'anthropic', NOW)).toEqual({
      status: 429,
      type: 'rate_limit_error',
      code: null,
      message: 'slow down',
      headers: { 'anthropic-ratelimit-requests-limit': '60', 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-12-04T12:00:30Z', 'retry-after': '30' },
    });
  });

  it('renders an exhausted budget as OpenAI insufficient_quota (not retried) and Anthropic spend-limit 400', () => {
    const denied: AccessDenied = { allowed: false, reason: 'over_budget', status: 429, message: 'budget used up', retryAfterSeconds: 3600, resetsAt: Date.UTC(2027, 0, 1) };
    expect(accessErrorFor(denied, 'openai', NOW)).toEqual({ status: 429, type: 'insufficient_quota', code: 'insufficient_quota', message: 'budget used up', headers: { 'x-should-retry': 'false' } });
    expect(accessErrorFor(denied, 'anthropic', NOW)).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: null,
      message: 'You have reached your specified API usage limits. You will regain access on 2027-01-01 at 00:00 UTC.',
      headers: {},
    });
  });

  it('renders a store outage as a retryable 503', () => {
    const denied: AccessDenied = { allowed: false, reason: 'store_unavailable', status: 503, message: 'down' };
    expect(accessErrorFor(denied, 'openai', NOW)).toMatchObject({ status: 503, type: 'server_error', headers: { 'retry-after': '1' } });
    expect(accessErrorFor(denied, 'anthropic', NOW)).toMatchObject({ status: 503, type: 'api_error' });
  });
});
