import type { ServerConfig } from '@llm-router/config';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { rejectOversizedBodies } from '../errors/reject-oversized-bodies.js';
import { sendRouterError } from '../errors/send-router-error.js';
import { toRouterError } from '../errors/to-router-error.js';
import { BodyMemoryBudget } from './body-memory-budget.js';
import { createClientErrorHandler, type InFlightRequest } from './client-error-handler.js';
import { installBodyBudget } from './install-body-budget.js';
import { installCors } from './install-cors.js';
import { installJsonBodyParser } from './json-body-parser.js';
import { rejectNonJsonBodies } from './reject-non-json-bodies.js';
import { trackInFlight } from './track-in-flight.js';

export interface HttpEdge {
  /** The Fastify options the edge needs: pass them to `new FastifyAdapter(...)`. */
  readonly fastifyOptions: FastifyHttpOptions<Server>;
  readonly budget: BodyMemoryBudget;
  /** Adds the hooks and the body parser; call before `app.init()`, after the request-logging hooks. */
  install(fastify: FastifyInstance): void;
}

/**
 * Node checks request timeouts on a timer (`connectionsCheckingInterval`, 30 s by default, which would
 * let a 1 s timeout run for 30 s): a tenth of the timeout, between 100 ms and 30 s.
 */
export function timeoutCheckInterval(requestTimeoutMs: number): number {
  return Math.min(30_000, Math.max(100, Math.floor(requestTimeoutMs / 10)));
}

/**
 * Everything between the socket and the routes: Node server timeouts (the whole request must arrive
 * within `request_timeout`; idle keep-alive connections close after `keep_alive_timeout`; neither limits
 * how long an answer may stream), HTTP-level errors answered in the client's format (raw for errors
 * Node's parser reports, through sendRouterError for Fastify's), CORS, the body checks (413 size, 415
 * media type, 503 memory budget) and the depth-bounded JSON parser.
 */
export function createHttpEdge(server: ServerConfig): HttpEdge {
  const inFlight = new WeakMap<Socket, InFlightRequest>();
  const budget = new BodyMemoryBudget(server.maxInflightBodyBytes);
  return {
    budget,
    fastifyOptions: {
      bodyLimit: server.bodyLimitBytes,
      logger: false,
      requestTimeout: server.requestTimeoutMs,
      keepAliveTimeout: server.keepAliveTimeoutMs,
      http: { headersTimeout: server.requestTimeoutMs, connectionsCheckingInterval: timeoutCheckInterval(server.requestTimeoutMs) },
      clientErrorHandler: createClientErrorHandler(inFlight, server.requestTimeoutMs),
      frameworkErrors: (error, request, reply) => sendRouterError(request, reply, toRouterError(error, request.method, request.url)),
    },
    install(fastify) {
      trackInFlight(fastify, inFlight);
      installCors(fastify, server.cors);
      rejectOversizedBodies(fastify, server.bodyLimitBytes);
      rejectNonJsonBodies(fastify);
      installBodyBudget(fastify, budget);
      installJsonBodyParser(fastify, { bodyLimitBytes: server.bodyLimitBytes, maxJsonDepth: server.maxJsonDepth });
    },
  };
}
