import { describe, expect, it } from '@jest/globals';
import type { CorsConfig } from '@llm-router/config';
import { BodyMemoryBudget, BodyReservation } from './body-memory-budget.js';
import { clientFormatOf } from './client-format-of.js';
import { routerErrorForClientError } from './client-error-handler.js';
import { decideCors } from './cors-decision.js';
import { hasRequestBody } from './has-request-body.js';
import { timeoutCheckInterval } from './http-edge.js';
import { isJsonMediaType } from './is-json-media-type.js';
import { rawErrorResponse } from './raw-error-response.js';
import { requestLineOf } from './request-line-of.js';

describe('isJsonMediaType', () => {
  it('accepts application/json with parameters, in any case', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json ']) expect(isJsonMediaType(type)).toBe(true);
  });

  it('refuses what a cross-site form can send, +json types and a missing type', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/vnd.api+json', 'application/jsonx', '', undefined]) {
      expect(isJsonMediaType(type)).toBe(false);
    }
  });
});

describe('hasRequestBody', () => {
  it('is true for a chunked body or a non-zero Content-Length', () => {
    expect(hasRequestBody({ 'transfer-encoding': 'chunked' })).toBe(true);
    expect(hasRequestBody({ 'content-length': '5' })).toBe(true);
    expect(hasRequestBody({ 'content-length': '0' })).toBe(false);
    expect(hasRequestBody({})).toBe(false);
  });
});

describe('clientFormatOf', () => {
  it('follows the path, then anthropic-version, then defaults to OpenAI chat', () => {
    expect(clientFormatOf('/v1/messages/count_tokens?beta=true', {})).toBe('anthropic-messages');
    expect(clientFormatOf('/v1/completions', { 'anthropic-version': '2023-06-01' })).toBe('openai-completions');
    expect(clientFormatOf('/v1/models', { 'anthropic-version': '2023-06-01' })).toBe('anthropic-messages');
    expect(clientFormatOf('/nope', {})).toBe('openai-chat');
  });
});

describe('BodyMemoryBudget and BodyReservation', () => {
  it('refuses a reservation that does not fit whole, and frees what a request held once', () => {
    const budget = new BodyMemoryBudget(100);
    const a = new BodyReservation(budget);
    const b = new BodyReservation(budget);
    expect(a.tryAdd(60)).toBe(true);
    expect(b.tryAdd(50)).toBe(false);
    expect(budget.inUseBytes).toBe(60);
    expect(b.tryAdd(40)).toBe(true);
    expect(budget.inUseBytes).toBe(100);
    a.releaseAll();
    a.releaseAll();
    expect(budget.inUseBytes).toBe(40);
    b.releaseAll();
    expect(budget.inUseBytes).toBe(0);
  });

  it('reserves nothing for chunks that arrive after the release (an aborted or answered request)', () => {
    const budget = new BodyMemoryBudget(100);
    const reservation = new BodyReservation(budget);
    expect(reservation.tryAdd(10)).toBe(true);
    reservation.releaseAll();
    expect(reservation.tryAdd(1000)).toBe(true);
    expect(budget.inUseBytes).toBe(0);
  });
});

describe('decideCors', () => {
  const on: CorsConfig = { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'POST'], allowedHeaders: ['authorization', '*'], maxAgeSeconds: 600 };

  it('adds nothing while no origin is configured, preflight or not', () => {
    expect(decideCors({ ...on, allowedOrigins: [] }, 'OPTIONS', 'https://app.example.com', 'POST')).toEqual({ answerPreflight: false, headers: {} });
  });

  it('answers an allowed preflight with the allow headers and Vary: Origin', () => {
    expect(decideCors(on, 'OPTIONS', 'https://app.example.com', 'post')).toEqual({
      answerPreflight: true,
      headers: {
        vary: 'Origin',
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, *',
        'access-control-max-age': '600',
      },
    });
  });

  it('gives another origin, or a method not allowed, only Vary: Origin and no preflight answer', () => {
    expect(decideCors(on, 'OPTIONS', 'https://evil.example', 'POST')).toEqual({ answerPreflight: false, headers: { vary: 'Origin' } });
    expect(decideCors(on, 'OPTIONS', 'https://app.example.com', 'DELETE')).toEqual({ answerPreflight: false, headers: { vary: 'Origin' } });
    expect(decideCors(on, 'POST', undefined, undefined)).toEqual({ answerPreflight: false, headers: { vary: 'Origin' } });
  });

  it('lets an allowed origin read actual answers, with * when * is configured', () => {
    expect(decideCors(on, 'POST', 'https://app.example.com', undefined).headers).toMatchObject({ 'access-control-allow-origin': 'https://app.example.com', vary: 'Origin' });
    expect(decideCors({ ...on, allowedOrigins: ['*'] }, 'POST', 'https://any.example', undefined).headers).toMatchObject({ 'access-control-allow-origin': '*' });
  });
});

describe('HTTP-level errors', () => {
  it('maps Node parser and timeout errors to 400, 408 and 431', () => {
    const of = (code: string) => routerErrorForClientError(Object.assign(new Error(code), { code }), 60_000).status;
    expect(of('ERR_HTTP_REQUEST_TIMEOUT')).toBe(408);
    expect(of('HPE_HEADER_OVERFLOW')).toBe(431);
    expect(of('HPE_INVALID_CONTENT_LENGTH')).toBe(400);
    expect(of('HPE_INVALID_METHOD')).toBe(400);
  });

  it('reads the URL and anthropic-version from the refused bytes, best effort', () => {
    expect(requestLineOf(Buffer.from('POST /v1/messages?beta=true HTTP/1.1\r\nHost: x\r\n'))).toEqual({ url: '/v1/messages?beta=true', headers: {} });
    expect(requestLineOf(Buffer.from('POST /v1/models HTTP/1.1\r\nAnthropic-Version: 2023-06-01\r\n')).headers).toEqual({ 'anthropic-version': '' });
    expect(requestLineOf(Buffer.from('garbage'))).toEqual({ url: '/', headers: {} });
    expect(requestLineOf(undefined)).toEqual({ url: '/', headers: {} });
  });

  it('writes a complete HTTP/1.1 answer with a JSON body in the client format, closing the connection', () => {
    const error = routerErrorForClientError(Object.assign(new Error('x'), { code: 'HPE_HEADER_OVERFLOW' }), 60_000);
    const text = rawErrorResponse(error, '/v1/messages', {});
    const [head, body] = text.split('\r\n\r\n') as [string, string];
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toContain('connection: close');
    expect(head).toContain(`content-length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(JSON.parse(rawErrorResponse(error, '/v1/chat/completions', {}).split('\r\n\r\n')[1] ?? '')).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it("checks request timeouts at a tenth of the timeout, within Node's 30 s default and 100 ms", () => {
    expect(timeoutCheckInterval(60_000)).toBe(6000);
    expect(timeoutCheckInterval(500)).toBe(100);
    expect(timeoutCheckInterval(3_600_000)).toBe(30_000);
  });
});
