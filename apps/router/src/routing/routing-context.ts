import type { ClientCodec, ClientFormat } from '@llm-router/core';
import type { FastifyRequest } from 'fastify';
import type { Route } from './route.js';

/** What the model-lookup guard learned about a request; the controller and router service read it. */
export interface RoutingContext {
  format: ClientFormat;
  codec: ClientCodec;
  route: Route;
  /** The model name the client asked for: every answer shows this name, never the upstream's. */
  clientModel: string;
  stream: boolean;
  /** Set on each attempt of a routed request (several deployments or fallbacks; see fallback/). */
  attempt?: AttemptControl;
}

/** How one attempt of a routed request differs from the single-upstream path. */
export interface AttemptControl {
  /** One send, no retry: errors become AttemptFailures for the plan (fallback/send-attempt.ts). */
  readonly single: true;
  /** Hold a stream back until its first content, failing over when it fails or stays silent before it. */
  readonly firstTokenTimeoutMs?: number;
  /** The answer (stream or not) went to the client and is over; `error`: it failed after content went out. */
  onAnswerEnd(outcome: { error?: unknown; aborted: boolean }): void;
}

const contexts = new WeakMap<FastifyRequest, RoutingContext>();

export function setRoutingContext(request: FastifyRequest, context: RoutingContext): void {
  contexts.set(request, context);
}

/** The client format of the matched route, if the guard got that far. */
export function routingContextFormat(request: FastifyRequest): RoutingContext['format'] | undefined {
  return contexts.get(request)?.format;
}

/** The context the guard attached, if it got that far (error rendering). */
export function findRoutingContext(request: FastifyRequest): RoutingContext | undefined {
  return contexts.get(request);
}

/** The context the guard attached. Throws if the guard did not run: a wiring bug, not a client error. */
export function routingContextOf(request: FastifyRequest): RoutingContext {
  const context = contexts.get(request);
  if (context === undefined) throw new Error('routing context missing: ModelLookupGuard must guard this route');
  return context;
}
