/**
 * What the routing lib needs to know of a router model and its deployments. Structurally a subset of the
 * config lib's resolved `ModelConfig` / `DeploymentConfig`, so the app can pass those as they are (this lib,
 * a policy lib, does not import the config lib).
 */
export type LoadBalancing = 'weighted' | 'least_busy' | 'latency' | 'ordered';

export const LOAD_BALANCING: readonly LoadBalancing[] = ['weighted', 'least_busy', 'latency', 'ordered'];

/** A failure class `fallback_on` may name besides upstream statuses. */
export type FailureClassName = 'timeout' | 'network';

export const FAILURE_CLASS_NAMES: readonly FailureClassName[] = ['timeout', 'network'];

/** An entry of `fallback_on`: an upstream status (429, 503...) or a failure class. */
export type FallbackOnEntry = number | FailureClassName;

export interface RoutingRetryPolicy {
  /** Retries of the same deployment after its first send: up to `maxRetries + 1` sends per deployment. */
  maxRetries: number;
  /** Statuses worth sending to the same deployment again. */
  retryStatusCodes: readonly number[];
}

export interface CooldownPolicy {
  /** Consecutive failures before a deployment is taken out of rotation (>= 1). */
  allowedFails: number;
  /** How long it is out the first time, ms; an upstream Retry-After wins when longer; doubles on a failed probe. */
  cooldownMs: number;
}

export interface RoutingDeployment {
  /** Stable identity across config reloads (no secret in it): health state is kept per key. */
  key: string;
  /** What logs, metrics and the `x-router-deployment` header show: the configured name, else the index. */
  label: string;
  /** Relative share for `weighted` (>= 0); 0 is a standby, chosen only when no positive weight is left in its tier. */
  weight: number;
  /** Tier: lower numbers first; a higher number serves only while every lower tier is unavailable. */
  priority: number;
  retry: RoutingRetryPolicy;
}

export interface RoutingModel<D extends RoutingDeployment = RoutingDeployment> {
  /** The client-facing router model name. */
  name: string;
  /** At least one. */
  deployments: readonly D[];
  /** Other model names, tried in order when this one fails with a `fallback_on` failure. */
  fallbacks: readonly string[];
  /** Other model names tried instead on a context-length error. */
  contextWindowFallbacks: readonly string[];
  loadBalancing: LoadBalancing;
  routing: {
    cooldown: CooldownPolicy;
    fallbackOn: readonly FallbackOnEntry[];
  };
}
