import type { ResolvedDeployment } from '@llm-router/config';
import type { RoutingModel } from '@llm-router/routing';
import type { Route } from '../routing/route.js';

/** A deployment as the routing lib sees it, carrying the Route that sends to it. */
export interface RoutedDeployment extends ResolvedDeployment {
  readonly route: Route;
}

export type RoutedModel = RoutingModel<RoutedDeployment>;

/** The routing lib's view of the compiled routes: one model per route-table entry, its deployments' Routes attached. */
export function routedModels(routes: ReadonlyMap<string, Route>): RoutedModel[] {
  return [...routes.values()].map((route) => {
    const { fallbacks, contextWindowFallbacks, loadBalancing, routing } = route.model;
    return {
      name: route.name,
      deployments: route.deployments.map((r) => ({ ...r.deployment, route: r })),
      fallbacks,
      contextWindowFallbacks,
      loadBalancing,
      routing,
    };
  });
}

/**
 * Whether requests to this model go through the attempt plan: it has several deployments or fallbacks of
 * either kind. Otherwise the request path is exactly the single-upstream one (the model's retry policy
 * around one send, no circuit breaking, no stream hold-back).
 */
export function usesRouting(route: Route): boolean {
  const { model } = route;
  return route.deployments.length > 1 || model.fallbacks.length > 0 || model.contextWindowFallbacks.length > 0;
}
