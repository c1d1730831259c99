import { RouterError } from '@llm-router/core';
import type { FastifyInstance } from 'fastify';
import { sendRouterError } from '../errors/send-router-error.js';
import { hasRequestBody } from './has-request-body.js';
import { isJsonMediaType } from './is-json-media-type.js';

/**
 * Answers 415 (in the client's format) for any request whose body is not `application/json`, from an
 * onRequest hook, before the body is read. This is what stops a cross-site HTML form
 * (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`: the types a browser sends
 * without a CORS preflight) from spending the router's keys. Requests without a body pass.
 */
export function rejectNonJsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!hasRequestBody(request.headers) || isJsonMediaType(request.headers['content-type'])) return undefined;
    const given = request.headers['content-type'];
    sendRouterError(
      request,
      reply,
      new RouterError('invalid_request', `Content-Type must be application/json (got ${given === undefined ? 'none' : `'${given.slice(0, 100)}'`}).`, {
        status: 415,
        code: 'unsupported_media_type',
      }),
    );
    return reply;
  });
}
