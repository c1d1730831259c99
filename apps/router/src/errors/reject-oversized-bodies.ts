import { RouterError } from '@llm-router/core';
import type { FastifyInstance } from 'fastify';
import { sendRouterError } from './send-router-error.js';

/**
 * Answers 413 (in the client's format) as soon as a declared Content-Length exceeds the limit, before
 * the body is read. Fastify's own check runs in its body parser and then closes the connection while the
 * client is still uploading, which often reaches the client as EPIPE instead of the 413; answering from
 * an onRequest hook lets Node drain the rest of the body and the client read the answer. Chunked bodies
 * without a length are still cut by Fastify's `bodyLimit`.
 */
export function rejectOversizedBodies(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      sendRouterError(
        request,
        reply,
        new RouterError('request_too_large', `Request body of ${declared} bytes is larger than the router allows (${limitBytes} bytes, server.body_limit_mb).`),
      );
      return reply;
    }
    return undefined;
  });
}
