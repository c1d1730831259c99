import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { classifyAnthropicError } from './classify-anthropic-error.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8');
}

function body(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}

describe('classifyAnthropicError', () => {
  it('reads error.400.json as a non-retryable invalid request', () => {
    const error = classifyAnthropicError(400, fixture('error.400.json'), { 'content-type': 'application/json' });
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      message: 'anthropic: max_tokens: Field required',
      retryable: false,
      provider: 'anthropic',
    });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('reads error.529.json as a retryable overload that keeps status 529', () => {
    expect(classifyAnthropicError(529, fixture('error.529.json'), {})).toMatchObject({
      kind: 'overloaded',
      status: 529,
      message: 'anthropic: Overloaded',
      retryable: true,
      provider: 'anthropic',
    });
  });

  it('takes the wait from retry-after on a 429', () => {
    const error = classifyAnthropicError(429, body('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'), {
      'retry-after': '7',
    });
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryable: true, retryAfterMs: 7000 });
  });

  it('tolerates an HTML body: status kind and a short snippet', () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(500)}</body></html>`;
    const error = classifyAnthropicError(502, html, { 'content-type': 'text/html' });
    expect(error.kind).toBe('bad_gateway');
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^anthropic upstream returned HTTP 502: <html> <head><title>502 Bad Gateway/);
    expect(error.message.length).toBeLessThanOrEqual('anthropic upstream returned HTTP 502: '.length + 200);
  });

  it('handles an empty body and JSON that is not Anthropic-shaped', () => {
    expect(classifyAnthropicError(503, '', {}).message).toBe('anthropic upstream returned HTTP 503');
    expect(classifyAnthropicError(503, '', {}).kind).toBe('overloaded');
    expect(classifyAnthropicError(500, '{"message":"gateway broke"}', {}).message).toBe('anthropic: gateway broke');
    expect(classifyAnthropicError(500, '{"error":"plain"}', {}).message).toBe('anthropic: plain');
    expect(classifyAnthropicError(500, '[1,2]', {}).message).toBe('anthropic upstream returned HTTP 500: [1,2]');
  });

  it('prefers the error type over the status, and falls back to the status for unknown types', () => {
    expect(classifyAnthropicError(500, body('overloaded_error', 'Overloaded'), {}).kind).toBe('overloaded');
    expect(classifyAnthropicError(413, body('request_too_large', 'too big'), {}).kind).toBe('request_too_large');
    expect(classifyAnthropicError(504, body('timeout_error', 'slow'), {}).kind).toBe('timeout');
    expect(classifyAnthropicError(404, body('not_found_error', 'model: x'), {}).kind).toBe('not_found');
    expect(classifyAnthropicError(401, body('authentication_error', 'invalid x-api-key'), {}).kind).toBe('authentication');
    expect(classifyAnthropicError(403, body('permission_error', 'no'), {}).kind).toBe('permission');
    expect(classifyAnthropicError(402, body('billing_error', 'pay'), {}).kind).toBe('invalid_request');
  });

  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [529, true],
    [400, false],
    [401, false],
    [404, false],
  ])('marks HTTP %i retryable=%s', (status, retryable) => {
    expect(classifyAnthropicError(status, body('api_error', 'x'), {}).retryable).toBe(retryable);
  });

  it('honours x-should-retry either way', () => {
    expect(classifyAnthropicError(400, body('invalid_request_error', 'x'), { 'x-should-retry': 'true' }).retryable).toBe(true);
    expect(classifyAnthropicError(529, body('overloaded_error', 'x'), { 'x-should-retry': 'false' }).retryable).toBe(false);
  });

  it('keeps SDK 1.x error.details.error_code as code', () => {
    const withCode = JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'm', details: { error_code: 'prefill_unsupported' } } });
    expect(classifyAnthropicError(400, withCode, {}).code).toBe('prefill_unsupported');
  });
});
