import { jsonValueTooDeep } from '@llm-router/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NESTED_TOO_DEEP } from '../masking/secret-masker.js';
import { recordError } from './record-error.js';
import type { RequestLog } from './request-log.js';
import type { RequestRecord } from './request-record.js';
import { requestRecordOf } from './request-record-of.js';
import { textOf } from './text-of.js';

/**
 * Registers the Fastify hooks that give every request its log line.
 *
 * - onRequest starts the record (`RequestLog.begin`), before routing, body parsing and Nest, so
 *   404s, malformed JSON and oversized bodies are logged too.
 * - onError and onSend start it too when it does not exist yet: a request answered or failed by an
 *   onRequest hook registered before ours (the Nest FastifyAdapter adds several in its constructor:
 *   503 while shutting down, CORS preflights, security checks) still gets its line; its latency
 *   still counts from arrival (Fastify's `reply.elapsedTime`).
 * - onError records the errors Fastify's error handling sees (message, class, causes).
 * - with logRequests, preValidation captures the parsed body (`record.requestBody`).
 * - onSend marks the time to first byte; with logResponses it also captures bodies sent with
 *   `reply.send` (string or bytes). Replies written to `reply.raw` (hijacked streams) are the app's to
 *   mark (`RequestLog.markFirstByte`) and append (`RequestLog.appendResponseBody`).
 *
 * Call it on the root instance before routes are registered (before Nest's `app.init()`): Fastify
 * fixes a route's hooks when the route is added.
 *
 * No hook lets an error of the log escape: the request goes on unlogged-in-part rather than fail
 * (each hook catches, reports through the logger and calls `done` without an error).
 */
export function installRequestLogging(fastify: FastifyInstance, log: RequestLog): void {
  const guarded = (request: FastifyRequest, reply: FastifyReply, step: (record: RequestRecord) => void): void => {
    try {
      step(log.begin(request, reply));
    } catch (error) {
      log.reportFailure(requestRecordOf(request)?.id, error);
    }
  };

  fastify.addHook('onRequest', (request, reply, done) => {
    guarded(request, reply, () => undefined);
    done();
  });

  fastify.addHook('onError', (request, reply, error, done) => {
    guarded(request, reply, (record) => {
      if (record.error === undefined) recordError(record, error);
    });
    done();
  });

  if (log.logRequests) {
    fastify.addHook('preValidation', (request, reply, done) => {
      guarded(request, reply, (record) => {
        // A copy: the app edits the parsed body in place (transformations, alias) before it goes upstream,
        // and this line must show what the client sent. Only paid for with log_requests. A body nested
        // deeper than the masker walks is not copied (structuredClone recurses too).
        record.requestBody ??= jsonValueTooDeep(request.body) ? NESTED_TOO_DEEP : structuredClone(request.body);
      });
      done();
    });
  }

  const captureBodies = log.logResponses;
  fastify.addHook('onSend', (request, reply, payload, done) => {
    guarded(request, reply, (record) => {
      log.markFirstByte(record);
      if (captureBodies) {
        if (typeof payload === 'string') record.responseBody = payload;
        else if (payload instanceof Uint8Array) record.responseBody = textOf(payload);
      }
    });
    done(null, payload);
  });
}
