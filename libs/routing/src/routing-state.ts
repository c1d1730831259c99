import { AttemptPlan, type PlanOptions } from './attempt-plan.js';
import { DeploymentEntry } from './deployment-entry.js';
import type { CircuitState, RoutingListener } from './routing-events.js';
import { type RandomSource, type RoutingClock, systemRandom, systemRoutingClock } from './routing-clock.js';
import type { RoutingDeployment, RoutingModel } from './routing-model.js';

/** What the plan asks of the caller's backoff (libs/retry's `backoffDelayMs` + `retryWaitMs`): the wait before a retry. */
export interface RetryDelayRequest<D extends RoutingDeployment> {
  deployment: D;
  /** 0 for the deployment's first retry in this request. */
  retryIndex: number;
  /** The wait before this deployment's previous retry (0 before the first), so waits never shrink. */
  previousDelayMs: number;
  /** The upstream's Retry-After from the failure being retried, ms. */
  retryAfterMs?: number;
}

export interface RoutingStateOptions<D extends RoutingDeployment> {
  /** The wait before sending to the same deployment again (never asked for a switch to another deployment). */
  retryDelayMs: (request: RetryDelayRequest<D>) => number;
  clock?: RoutingClock;
  random?: RandomSource;
  listener?: RoutingListener;
}

/**
 * The routing state of one replica: the models as last configured, and per deployment (by `key`) its health,
 * in-flight count and latency. `update` swaps the models atomically (a plan already running keeps the
 * models it started with) and keeps the state of every deployment whose key still exists.
 */
export class RoutingState<D extends RoutingDeployment = RoutingDeployment> {
  private models = new Map<string, RoutingModel<D>>();
  private entries = new Map<string, DeploymentEntry>();
  readonly clock: RoutingClock;
  readonly random: RandomSource;
  readonly listener: RoutingListener;

  constructor(
    models: Iterable<RoutingModel<D>>,
    readonly options: RoutingStateOptions<D>,
  ) {
    this.clock = options.clock ?? systemRoutingClock;
    this.random = options.random ?? systemRandom;
    this.listener = options.listener ?? {};
    this.update(models);
  }

  update(models: Iterable<RoutingModel<D>>): void {
    const nextModels = new Map<string, RoutingModel<D>>();
    const nextEntries = new Map<string, DeploymentEntry>();
    for (const model of models) {
      nextModels.set(model.name, model);
      for (const deployment of model.deployments) {
        const kept = this.entries.get(deployment.key);
        if (kept !== undefined) {
          kept.health.setPolicy(model.routing.cooldown);
          kept.model = model.name;
          kept.label = deployment.label;
          nextEntries.set(deployment.key, kept);
        } else {
          nextEntries.set(deployment.key, new DeploymentEntry(model.name, deployment.label, model.routing.cooldown));
        }
      }
    }
    this.models = nextModels;
    this.entries = nextEntries;
  }

  model(name: string): RoutingModel<D> | undefined {
    return this.models.get(name);
  }

  /** The plan of one request to `model` (which must be configured). */
  plan<E = unknown>(model: string, options: PlanOptions = {}): AttemptPlan<D, E> {
    const primary = this.models.get(model);
    if (primary === undefined) throw new Error(`routing: unknown model ${model}`);
    return new AttemptPlan<D, E>(primary, { models: new Map(this.models), entries: this.entries, state: this }, options);
  }

  /** For metrics and tests: a deployment's circuit state (undefined for an unknown key). */
  circuit(key: string): CircuitState | undefined {
    return this.entries.get(key)?.health.circuitState();
  }

  /** For metrics and tests: requests in flight to a deployment. */
  inFlight(key: string): number {
    return this.entries.get(key)?.inFlight ?? 0;
  }
}
