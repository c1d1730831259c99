import { RoutingState, type RoutingListener } from '@llm-router/routing';
import { backoffDelayMs, retryWaitMs } from '@llm-router/retry';
import { type RoutedDeployment, routedModels } from '../fallback/routed-models.js';
import type { Route } from './route.js';

/**
 * The compiled routes by client-facing model name, and the routing state (deployment health, in-flight
 * counts, latency) built from them. Built at boot; a config reload swaps the whole map at once
 * (`replace`), so a request sees either the old routes or the new ones, never a mix, and the routing
 * state keeps the health of every deployment whose key survives. In-flight requests keep the Route (and
 * attempt plan) they were given and finish on it.
 */
export class RouteTable {
  readonly routing: RoutingState<RoutedDeployment>;
  private listener: RoutingListener = {};

  constructor(
    private routes: ReadonlyMap<string, Route>,
    private hash: string = '',
  ) {
    this.routing = new RoutingState<RoutedDeployment>(routedModels(routes), {
      // The model's retry_config per deployment, as libs/retry computes it for the single-upstream path.
      retryDelayMs: ({ deployment, retryIndex, previousDelayMs, retryAfterMs }) =>
        retryWaitMs(backoffDelayMs(retryIndex, deployment.retry, Math.random, previousDelayMs), retryAfterMs, deployment.retry),
      listener: {
        onAttempt: (event) => this.listener.onAttempt?.(event),
        onFallback: (event) => this.listener.onFallback?.(event),
        onCircuitChange: (event) => this.listener.onCircuitChange?.(event),
      },
    });
  }

  get(model: string): Route | undefined {
    return this.routes.get(model);
  }

  all(): Route[] {
    return [...this.routes.values()];
  }

  /** A short hash of the config the routes were built from (shown by /health). */
  get configHash(): string {
    return this.hash;
  }

  /** Where routing events go (metrics). */
  listenWith(listener: RoutingListener): void {
    this.listener = listener;
  }

  replace(routes: ReadonlyMap<string, Route>, hash: string): void {
    this.routes = routes;
    this.hash = hash;
    this.routing.update(routedModels(routes));
  }
}
