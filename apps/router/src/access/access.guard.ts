import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { renderAnthropicRateLimitHeaders, renderOpenAiRateLimitHeaders, type AccessAdmitted, type AccessClientFamily, type AccessDenied, type AccessLimiter, type Caller } from '@llm-router/access';
import { requestRecordOf } from '@llm-router/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routingContextOf } from '../routing/routing-context.js';
import { SERVES_FORMAT, type Operation, type ServedFormat } from '../routing/serves-format.decorator.js';
import { AccessRefusal, accessFamilyOf } from './access-refusal.js';
import { AccessRuntime, type AccessState } from './access-runtime.js';
import { admissionEstimate } from './admission-estimate.js';

/**
 * Runs after ModelLookupGuard (so an unknown model is still a 404, and the format is known), before any
 * upstream call: authenticates the caller (401), checks the model against its list (403), admits the
 * request against the limits and budgets (429 / quota / 503), all decided by @llm-router/access. Refusals
 * are thrown as AccessRefusal (rendered by AccessRefusalFilter). Admitted: the family's rate-limit
 * headers go on the response (also a successful one), and the ticket is settled with the request log's
 * usage when the response closes (answered, stream ended, or client gone), else released: once.
 *
 * Token counting is authenticated and model-checked but counts against no limit (it generates nothing).
 * Embeddings count like generation, with no output tokens reserved (the input estimated from the body).
 * With no `auth` and no model `limits` this is one boolean check.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AccessRuntime) private readonly access: AccessRuntime,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const access = this.access.current;
    if (!access.policy.enforces) return true;
    const served = this.reflector.get<ServedFormat | undefined>(SERVES_FORMAT, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const operation = served?.operation ?? 'generate';
    // Synchronous end to end with keys and the memory store (no promise on the request path); a JWT or the
    // Redis store makes it a promise.
    const caller = access.authenticator.authenticate(request.headers);
    if (caller instanceof Promise) return caller.then((known) => this.admit(request, reply, access, operation, known));
    return this.admit(request, reply, access, operation, caller);
  }

  private admit(request: FastifyRequest, reply: FastifyReply, access: AccessState, operation: Operation, caller: Caller | AccessDenied): boolean | Promise<boolean> {
    const { format, route, clientModel } = routingContextOf(request);
    const family = accessFamilyOf(format);
    if ('allowed' in caller) throw new AccessRefusal(caller, family);
    const record = requestRecordOf(request);
    if (record) record.caller = caller.name;
    if (operation === 'count_tokens') {
      const refused = access.limiter.authorize(caller, clientModel);
      if (refused !== undefined) throw new AccessRefusal(refused, family);
      return true;
    }
    const admitted = access.limiter.admit({ caller, model: clientModel, estimate: admissionEstimate(request, route.model, operation) });
    if (admitted instanceof Promise) return admitted.then((decision) => admittedOrRefused(request, reply, access.limiter, decision, family));
    return admittedOrRefused(request, reply, access.limiter, admitted, family);
  }
}

/** A refusal is thrown (AccessRefusalFilter renders it); an admission puts its headers on the answer and settles at close. */
function admittedOrRefused(request: FastifyRequest, reply: FastifyReply, limiter: AccessLimiter, admitted: AccessAdmitted | AccessDenied, family: AccessClientFamily): true {
  if (!admitted.allowed) throw new AccessRefusal(admitted, family);
  // On the Node response: merged into whatever head is written, by reply.send or by a hijacked stream.
  const headers = family === 'openai' ? renderOpenAiRateLimitHeaders(admitted.rateLimit, Date.now()) : renderAnthropicRateLimitHeaders(admitted.rateLimit);
  for (const name in headers) reply.raw.setHeader(name, headers[name] as string);
  settleWhenClosed(request, reply, limiter, admitted);
  return true;
}

/**
 * The one place a request's reservation ends: the Node response's `close`, which fires exactly once for a
 * sent answer, an ended stream and a client that left. Usage known by then (the request log's record has
 * it for complete answers and ended streams, translated or passed through): settle with it; else (an
 * upstream error, a client that left mid-answer): release. Until then the limiter keeps the reservation
 * alive (its one timer), so a stream longer than `state.reservation_ttl` keeps its max_parallel lease.
 */
function settleWhenClosed(request: FastifyRequest, reply: FastifyReply, limiter: AccessLimiter, admitted: AccessAdmitted): void {
  const { ticket } = admitted;
  reply.raw.once('close', () => {
    const usage = requestRecordOf(request)?.usage;
    void (usage === undefined ? limiter.release(ticket) : limiter.settle(ticket, usage));
  });
}
