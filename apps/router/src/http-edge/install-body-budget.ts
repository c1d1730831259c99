import { RouterError } from '@llm-router/core';
import type { FastifyInstance } from 'fastify';
import { Transform, type TransformCallback } from 'node:stream';
import { sendRouterError } from '../errors/send-router-error.js';
import { BodyMemoryBudget, BodyReservation } from './body-memory-budget.js';

const RETRY_AFTER_MS = 1000;

function overBudget(budget: BodyMemoryBudget): RouterError {
  return new RouterError(
    'overloaded',
    `The router is holding too many request bodies at once (server.max_inflight_body_mb: ${Math.floor(budget.limitBytes / 1024 / 1024)} MB); retry shortly.`,
    { retryable: true, retryAfterMs: RETRY_AFTER_MS, code: 'body_memory_exhausted' },
  );
}

/**
 * Bounds the memory of request bodies in flight. A declared Content-Length is reserved at arrival (an
 * onRequest hook, so a refused body is never read): a 503 in the client's format when it does not fit.
 * A chunked body reserves each chunk as it is read (a counting stream in preParsing) and fails with
 * the same 503 once it does not fit. The reservation is released when the response closes, which
 * happens on completion and on abort alike: the body (and its parsed copy) is held until then.
 */
export function installBodyBudget(fastify: FastifyInstance, budget: BodyMemoryBudget): void {
  const reservations = new WeakMap<object, BodyReservation>();
  fastify.addHook('onRequest', async (request, reply) => {
    const reservation = new BodyReservation(budget);
    reservations.set(request, reservation);
    reply.raw.once('close', () => reservation.releaseAll());
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > 0 && !reservation.tryAdd(declared)) {
      sendRouterError(request, reply, overBudget(budget));
      return reply;
    }
    return undefined;
  });
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const reservation = reservations.get(request);
    if (reservation === undefined || request.headers['content-length'] !== undefined) return payload;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        if (reservation.tryAdd(chunk.length)) callback(null, chunk);
        else callback(overBudget(budget));
      },
    });
    payload.on('error', (error) => counter.destroy(error));
    return payload.pipe(counter);
  });
}
