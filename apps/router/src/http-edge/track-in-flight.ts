import type { FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import type { InFlightRequest } from './client-error-handler.js';

/** Records, per socket, the request it serves (so a request timeout can answer in that request's format). One WeakMap write per request. */
export function trackInFlight(fastify: FastifyInstance, inFlight: WeakMap<Socket, InFlightRequest>): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight.set(request.raw.socket, { url: request.url, headers: request.headers, response: reply.raw });
    done();
  });
}
