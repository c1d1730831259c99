import { describe, expect, it } from '@jest/globals';
import { HttpException, NotFoundException } from '@nestjs/common';
import { RouterError } from '@llm-router/core';
import { toRouterError } from './to-router-error.js';

const fastifyError = (code: string, statusCode: number, message = 'x') => Object.assign(new Error(message), { code, statusCode });

describe('toRouterError', () => {
  it('keeps RouterErrors', () => {
    const error = RouterError.invalidRequest('bad', 'messages');
    expect(toRouterError(error, 'POST', '/v1/messages')).toBe(error);
  });

  it('names an unknown path, without its query string', () => {
    expect(toRouterError(new NotFoundException(), 'POST', '/v1/nope?key=secret')).toMatchObject({
      kind: 'not_found',
      status: 404,
      message: 'Unknown request URL: POST /v1/nope.',
    });
  });

  it("maps Fastify's body errors, also when Nest wraps them", () => {
    const tooLarge = fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413);
    expect(toRouterError(tooLarge, 'POST', '/')).toMatchObject({ kind: 'request_too_large', status: 413 });
    expect(toRouterError(new HttpException('x', 413, { cause: tooLarge }), 'POST', '/')).toMatchObject({ kind: 'request_too_large' });
    expect(toRouterError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'POST', '/')).toMatchObject({ kind: 'invalid_request', status: 415 });
    expect(toRouterError(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400, 'Body is not valid JSON'), 'POST', '/')).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      message: 'The request body is not valid JSON: Body is not valid JSON',
    });
  });

  it('hides unexpected errors behind a generic 500', () => {
    const error = toRouterError(new TypeError('cannot read x of undefined'), 'POST', '/');
    expect(error).toMatchObject({ kind: 'api_error', status: 500, message: 'The router failed to handle this request.' });
  });
});
