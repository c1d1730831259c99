import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { renderAnthropicRateLimitHeaders, renderOpenAiRateLimitHeaders, type AccessAdmitted, type AccessLimiter } from '@llm-router/access';
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
    return this.check(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), access, served?.operation ?? 'generate');
  }

  private async check(request: FastifyRequest, reply: FastifyReply, access: AccessState, operation: Operation): Promise<boolean> {
    const { format, route, clientModel } = routingContextOf(request);
    const family = accessFamilyOf(format);
    const record = requestRecordOf(request);
    const caller = await access.authenticator.authenticate(request.headers);
    if ('allowed' in caller) throw new AccessRefusal(caller, family);
    if (record) record.caller = caller.name;
    if (operation === 'count_tokens') {
      const refused = access.limiter.authorize(caller, clientModel);
      if (refused !== undefined) throw new AccessRefusal(refused, family);
      return true;
    }
    const admitted = await access.limiter.admit({ caller, model: clientModel, estimate: admissionEstimate(request, route.model, operation) });
    if (!admitted.allowed) throw new AccessRefusal(admitted, family);
    // On the Node response: merged into whatever head is written, by reply.send or by a hijacked stream.
    const headers = family === 'openai' ? renderOpenAiRateLimitHeaders(admitted.rateLimit, Date.now()) : renderAnthropicRateLimitHeaders(admitted.rateLimit);
    for (const [name, value] of Object.entries(headers)) reply.raw.setHeader(name, value);
    settleWhenClosed(request, reply, access.limiter, admitted, access.extendEveryMs);
    return true;
  }
}

/**
 * The one place a request's reservation ends: the Node response's `close`, which fires exactly once for a
 * sent answer, an ended stream and a client that left. Usage known by then (the request log's record has
 * it for complete answers and ended streams, translated or passed through): settle with it; else (an
 * upstream error, a client that left mid-answer): release. Meanwhile the reservation is extended every
 * `extendEveryMs`, so a stream longer than `state.reservation_ttl` keeps its max_parallel lease.
 */
function settleWhenClosed(request: FastifyRequest, reply: FastifyReply, limiter: AccessLimiter, admitted: AccessAdmitted, extendEveryMs: number): void {
  const { ticket } = admitted;
  const timer = setInterval(() => void limiter.extend(ticket), extendEveryMs);
  timer.unref();
  reply.raw.once('close', () => {
    clearInterval(timer);
    const usage = requestRecordOf(request)?.usage;
    void (usage === undefined ? limiter.release(ticket) : limiter.settle(ticket, usage));
  });
}
