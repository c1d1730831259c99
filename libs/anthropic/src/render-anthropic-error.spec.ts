import { describe, expect, it } from '@jest/globals';
import { type ErrorKind, RouterError } from '@llm-router/core';
import { renderAnthropicError } from './render-anthropic-error.js';

describe('renderAnthropicError', () => {
  it.each<[ErrorKind, number | undefined, number, string]>([
    ['invalid_request', undefined, 400, 'invalid_request_error'],
    ['authentication', undefined, 401, 'authentication_error'],
    ['permission', undefined, 403, 'permission_error'],
    ['not_found', undefined, 404, 'not_found_error'],
    ['request_too_large', undefined, 413, 'request_too_large'],
    ['rate_limit', undefined, 429, 'rate_limit_error'],
    ['api_error', undefined, 500, 'api_error'],
    ['bad_gateway', undefined, 502, 'api_error'],
    ['overloaded', undefined, 503, 'overloaded_error'],
    ['overloaded', 529, 529, 'overloaded_error'],
    ['timeout', undefined, 504, 'timeout_error'],
  ])('renders %s (status %s) as %i %s', (kind, status, expectedStatus, type) => {
    const rendered = renderAnthropicError(new RouterError(kind, 'boom', { status }), 'req_123');
    expect(rendered.status).toBe(expectedStatus);
    expect(JSON.parse(rendered.body)).toEqual({ type: 'error', error: { type, message: 'boom' }, request_id: 'req_123' });
    expect(rendered.headers).toEqual({ 'content-type': 'application/json', 'request-id': 'req_123' });
  });

  it('adds retry-after in whole seconds, rounded up', () => {
    const rateLimited = new RouterError('rate_limit', 'slow down', { retryAfterMs: 1500 });
    expect(renderAnthropicError(rateLimited, 'req_1').headers['retry-after']).toBe('2');
    const now = new RouterError('overloaded', 'busy', { status: 529, retryAfterMs: 0 });
    expect(renderAnthropicError(now, 'req_1').headers['retry-after']).toBe('0');
  });
});
