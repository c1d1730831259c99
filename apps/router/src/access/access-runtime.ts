import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccessLimiter, AccessPolicy, Authenticator, createStateStore, systemClock, type StateStore, MICRO_USD_PER_USD, usageCostMicroUsd, type ModelPricingSettings } from '@llm-router/access';
import { ROUTER_CONFIG, type RouterConfig } from '@llm-router/config';
import { ROUTER_LOGGER, type Logger } from '@llm-router/logging';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { isLoopbackHost } from './is-loopback-host.js';

/** The access objects of one config: replaced as a whole on reload, so a request sees one consistent set. */
export interface AccessState {
  readonly policy: AccessPolicy;
  readonly authenticator: Authenticator;
  readonly limiter: AccessLimiter;
  /** Each priced model's `pricing`, for the spend metric. */
  readonly pricing: ReadonlyMap<string, ModelPricingSettings>;
}

/**
 * Holds the access layer built from the config (@llm-router/access does every decision; this only wires
 * it): the policy, the authenticator and the limiter, rebuilt on each config reload, over ONE state store
 * kept for the process's life (counters survive reloads; a changed `state` block needs a restart) and
 * closed at shutdown.
 */
@Injectable()
export class AccessRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private state: AccessState;
  private readonly store: StateStore;
  private storeSettings: string;

  constructor(
    @Inject(ROUTER_CONFIG) private readonly config: RouterConfig,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(RouterMetrics) private readonly metrics: RouterMetrics,
  ) {
    // The policy first: it throws ConfigValidationError (boot refused) before any Redis connection opens.
    const policy = accessPolicyOf(config);
    this.store = createStateStore(config.state, { onConnectionError: (error) => logger.warn({ error: error.message }, 'state store: redis connection error (reconnecting)') });
    this.storeSettings = JSON.stringify(config.state);
    this.state = this.build(policy, config);
    metrics.labelCallersWith((name) => this.state.policy.callerLabel(name));
    metrics.priceUsageWith((model, usage) => {
      const pricing = this.state.pricing.get(model);
      return pricing === undefined ? undefined : usageCostMicroUsd(usage, pricing) / MICRO_USD_PER_USD;
    });
  }

  get current(): AccessState {
    return this.state;
  }

  /**
   * Builds the access layer of `next` (throws ConfigValidationError, changing nothing) and returns the
   * function that makes it current, so the reloader can swap it in together with the routes.
   */
  prepare(next: RouterConfig): () => void {
    const state = this.build(accessPolicyOf(next), next);
    return () => {
      this.state = state;
      const settings = JSON.stringify(next.state);
      if (settings !== this.storeSettings) this.logger.warn({ keys: ['state'] }, 'config reload: the state store settings take effect at the next restart');
    };
  }

  /** One warning at boot: the router is reachable from other hosts and asks no one for a key. */
  onApplicationBootstrap(): void {
    if (this.state.policy.authRequired || isLoopbackHost(this.config.server.host)) return;
    this.logger.warn(
      { host: this.config.server.host },
      'no client authentication: anyone who can reach this address can use every model (configure auth.keys, or listen on 127.0.0.1)',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private build(policy: AccessPolicy, config: RouterConfig): AccessState {
    return {
      policy,
      pricing: new Map(Object.entries(config.models).flatMap(([name, model]) => (model.pricing === undefined ? [] : [[name, model.pricing] as const]))),
      authenticator: new Authenticator(policy, { clock: systemClock }),
      limiter: new AccessLimiter(policy, this.store, {
        clock: systemClock,
        onError: config.state.onError,
        reservationTtlMs: config.state.reservationTtlMs,
        onStoreError: (error, operation) => {
          this.logger.warn({ operation, error: error instanceof Error ? error.message : String(error), onError: config.state.onError }, 'state store operation failed');
          this.metrics.accessStoreError(operation);
        },
      }),
    };
  }
}

/** The access policy of a config; throws ConfigValidationError for what only the policy checks (a USD budget on an unpriced model). */
export function accessPolicyOf(config: RouterConfig): AccessPolicy {
  return new AccessPolicy({ ...(config.auth !== undefined && { auth: config.auth }), models: config.models });
}
