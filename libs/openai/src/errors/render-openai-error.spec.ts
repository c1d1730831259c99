import { describe, expect, it } from '@jest/globals';
import { type ErrorKind, RouterError } from '@llm-router/core';
import { openAIStreamErrorFrame } from './openai-stream-error-frame.js';
import { renderOpenAIError } from './render-openai-error.js';

describe('renderOpenAIError', () => {
  it.each<[ErrorKind, number, string, string | null]>([
    ['invalid_request', 400, 'invalid_request_error', null],
    ['authentication', 401, 'invalid_request_error', 'invalid_api_key'],
    ['permission', 403, 'permission_error', null],
    ['not_found', 404, 'invalid_request_error', 'model_not_found'],
    ['request_too_large', 413, 'invalid_request_error', null],
    ['rate_limit', 429, 'rate_limit_error', 'rate_limit_exceeded'],
    ['api_error', 500, 'server_error', null],
    ['bad_gateway', 502, 'server_error', null],
    ['overloaded', 503, 'server_error', null],
    ['timeout', 504, 'server_error', null],
  ])('renders %s as %i %s with code %s', (kind, status, type, code) => {
    const rendered = renderOpenAIError(new RouterError(kind, 'went wrong'), 'req_1');
    expect(rendered.status).toBe(status);
    expect(rendered.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'req_1' });
    expect(JSON.parse(rendered.body)).toEqual({ error: { message: 'went wrong', type, param: null, code } });
  });

  it('keeps the error status, param and code over the defaults', () => {
    const error = new RouterError('authentication', 'anthropic: bad key', { status: 502, param: 'model', code: 'upstream_auth' });
    const rendered = renderOpenAIError(error, 'req_2');
    expect(rendered.status).toBe(502);
    expect(JSON.parse(rendered.body)).toEqual({
      error: { message: 'anthropic: bad key', type: 'invalid_request_error', param: 'model', code: 'upstream_auth' },
    });
  });

  it('keeps an upstream rate-limit code such as insufficient_quota', () => {
    const rendered = renderOpenAIError(new RouterError('rate_limit', 'quota', { code: 'insufficient_quota' }), 'r');
    expect(JSON.parse(rendered.body).error.code).toBe('insufficient_quota');
  });

  it('sends retry-after in whole seconds, rounded up', () => {
    expect(renderOpenAIError(new RouterError('rate_limit', 'slow down', { retryAfterMs: 400 }), 'r').headers['retry-after']).toBe('1');
    expect(renderOpenAIError(new RouterError('overloaded', 'busy', { retryAfterMs: 2000 }), 'r').headers['retry-after']).toBe('2');
    expect(renderOpenAIError(new RouterError('overloaded', 'busy', { retryAfterMs: 2001 }), 'r').headers['retry-after']).toBe('3');
    expect(renderOpenAIError(new RouterError('overloaded', 'busy', { retryAfterMs: 0 }), 'r').headers['retry-after']).toBe('0');
  });
});

describe('openAIStreamErrorFrame', () => {
  it('is one data-only frame holding the error body', () => {
    const frame = openAIStreamErrorFrame(new RouterError('overloaded', 'anthropic: Overloaded', { status: 529 }));
    expect(frame).toBe('data: {"error":{"message":"anthropic: Overloaded","type":"server_error","param":null,"code":null}}\n\n');
  });

  it('stays on one data line when the message has newlines', () => {
    const frame = openAIStreamErrorFrame(new RouterError('api_error', 'line one\nline two'));
    expect(frame.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(JSON.parse(frame.slice('data: '.length)).error.message).toBe('line one\nline two');
  });
});
