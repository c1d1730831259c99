import type { SecretRedactor } from '@llm-router/logging';
import type { FastifyInstance } from 'fastify';
import { sendRouterError } from '../errors/send-router-error.js';
import type { ShutdownState } from './shutdown-state.js';

/**
 * Tracks every request until its response closes, so that the end of a shutdown's grace period can
 * answer the ones still waiting (on their upstream, in a retry backoff) with a 503 in their client's
 * format, and their log line is written, before the sockets are cut. One Set add and delete per request.
 */
export function trackWaitingRequests(fastify: FastifyInstance, state: ShutdownState, redactor: () => SecretRedactor): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const untrack = state.trackRequest((error) => {
      // Streams (hijacked, headers sent) are ShutdownState.trackStream's; a reply being sent is left to finish.
      if (reply.sent || reply.raw.headersSent || reply.raw.destroyed) return false;
      sendRouterError(request, reply, error, redactor());
      return true;
    });
    reply.raw.once('close', untrack);
    done();
  });
}
