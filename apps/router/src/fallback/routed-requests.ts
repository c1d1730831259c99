import { Inject, Injectable } from '@nestjs/common';
import { RouterError } from '@llm-router/core';
import { requestRecordOf, ROUTER_LOGGER, type Logger, type RequestRecord } from '@llm-router/logging';
import type { AttemptPlan } from '@llm-router/routing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { RoutingMetrics } from '../metrics/routing-metrics.js';
import { RouteTable } from '../routing/route-table.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { AttemptFailure } from './attempt-failure.js';
import { clientGone } from '../routing/client-gone.js';
import type { RoutedDeployment } from './routed-models.js';

/** One attempt: the router's passthrough-or-translate path for `context.route`, on a copy of the client body. */
export type SendAttempt = (context: RoutingContext, body: Record<string, unknown>) => Promise<void>;
/** Answers the client with the last failed attempt (its upstream error response, or its error thrown). */
export type AnswerFailure = (failure: AttemptFailure, context: RoutingContext) => Promise<void>;

/** How long a routed request may go on trying, as a multiple of the requested model's `timeout`. */
const BUDGET_TIMEOUTS = 4;

/**
 * Drives the attempt plan (libs/routing) of a request to a routed model: for each attempt, the chosen
 * deployment's Route, passthrough or translated as that Route's provider requires, the answer's `model`
 * the name of the router model that answered, `x-router-model` / `x-router-deployment` naming it. Each
 * attempt's failure (status, timeout, network, context length, content policy, a stream failing or
 * silent before its first content) goes back to the plan; when it gives up, the client gets the last
 * failure. The whole request is bounded by `BUDGET_TIMEOUTS` times the model's timeout.
 */
@Injectable()
export class RoutedRequests {
  constructor(
    @Inject(RouteTable) private readonly routes: RouteTable,
    @Inject(RouterMetrics) metrics: RouterMetrics,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
  ) {
    routes.listenWith(new RoutingMetrics(metrics.registry));
  }

  async run(request: FastifyRequest, reply: FastifyReply, context: RoutingContext, body: Record<string, unknown>, send: SendAttempt, answerFailure: AnswerFailure): Promise<void> {
    const routing = this.routes.routing;
    const record = requestRecordOf(request);
    const plan = routing.plan<AttemptFailure>(context.route.name, { deadlineAt: routing.clock.now() + BUDGET_TIMEOUTS * context.route.model.timeoutMs });
    const gone = clientGone(reply);
    const contexts = new WeakMap<AttemptFailure, RoutingContext>();
    const planStarted = performance.now();
    // Each attempt edits its body (model name, stream options): it gets a fresh parse of the client's. A JSON
    // round trip, not structuredClone: the body came from JSON, and JSON.parse builds fast-mode objects that
    // the upstream serialisation walks quicker (measured: structuredClone's copies cost more to stringify).
    const pristine = JSON.stringify(body);
    let answered = false;
    try {
      let step = plan.start();
      while (step.kind === 'attempt') {
        const current = step;
        if (current.delayMs > 0) await sleep(current.delayMs, undefined, { signal: gone });
        const route = current.deployment.route;
        const attempt: RoutingContext = {
          ...context,
          route,
          clientModel: current.model.name,
          attempt: {
            single: true,
            ...(route.model.firstTokenTimeoutMs !== undefined && { firstTokenTimeoutMs: route.model.firstTokenTimeoutMs }),
            // After content went out, a failure counts against the deployment (the stream contract's in-band error).
            onAnswerEnd: ({ error, aborted }) => current.lease.release({ fault: error !== undefined && !aborted }),
          },
        };
        reply.raw.setHeader('x-router-model', current.model.name);
        reply.raw.setHeader('x-router-deployment', current.deployment.label);
        if (record) {
          record.provider = route.adapter.provider;
          record.upstreamModel = route.model.actualModelName;
        }
        const started = routing.clock.now();
        try {
          await send(attempt, JSON.parse(pristine) as Record<string, unknown>);
        } catch (error) {
          if (!(error instanceof AttemptFailure)) throw error;
          if (record) record.upstreamMs = performance.now() - planStarted;
          contexts.set(error, attempt);
          if (gone.aborted) return;
          this.logger.warn({ reqId: record?.id, model: current.model.name, deployment: current.deployment.label, result: error.label, error: error.message }, 'routed attempt failed');
          step = plan.settle(error.outcome);
          continue;
        }
        // Until the answer was handed over (a stream: its first content): every attempt and wait included.
        if (record) record.upstreamMs = performance.now() - planStarted;
        if (gone.aborted && !reply.raw.headersSent) return;
        step = plan.settle({ kind: 'success', firstByteMs: routing.clock.now() - started });
        answered = true;
        // A stream releases its deployment when it ends (onAnswerEnd); a whole answer has been sent.
        if (!context.stream) current.lease.release();
      }
      if (step.kind === 'done') return;
      const failure = step.outcome?.error;
      const failed = failure === undefined ? undefined : contexts.get(failure);
      if (failure !== undefined && failed !== undefined) return await answerFailure(failure, failed);
      throw new RouterError('overloaded', `Every deployment of the model '${context.clientModel}' and of its fallbacks is out of rotation; try again later.`, {
        ...(step.retryAfterMs !== undefined && { retryAfterMs: step.retryAfterMs }),
      });
    } catch (error) {
      if (gone.aborted) return;
      throw error;
    } finally {
      // An attempt still in flight (the client left, a bug) counts for nothing; the answering one's lease is released when its answer ends.
      if (!answered) plan.cancel();
      logAttempts(record, plan);
    }
  }
}

function logAttempts(record: RequestRecord | undefined, plan: AttemptPlan<RoutedDeployment, AttemptFailure>): void {
  if (record === undefined) return;
  record.attempts = plan.attempts.length;
  record.routing = plan.attempts.map(({ model, deployment, startedAt, endedAt, outcome }) => ({
    model,
    deployment,
    result: outcome === undefined ? 'aborted' : outcome.kind === 'success' ? 'ok' : outcome.kind === 'status' ? String(outcome.status) : outcome.kind,
    ms: Math.round((endedAt ?? startedAt) - startedAt),
  }));
}
