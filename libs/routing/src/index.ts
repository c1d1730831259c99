// Public API of @llm-router/routing: pure routing decisions (no HTTP, no Nest); clock and random source injected.
export {
  FAILURE_CLASS_NAMES,
  LOAD_BALANCING,
  type CooldownPolicy,
  type FailureClassName,
  type FallbackOnEntry,
  type LoadBalancing,
  type RoutingDeployment,
  type RoutingModel,
  type RoutingRetryPolicy,
} from './routing-model.js';
export { type RandomSource, type RoutingClock, systemRandom, systemRoutingClock } from './routing-clock.js';
export type { AttemptEvent, CircuitEvent, CircuitState, FallbackEvent, RoutingListener } from './routing-events.js';
export { type AttemptOutcome, type FailedOutcome, failureClass } from './attempt-outcome.js';
export { DeploymentHealth, MAX_COOLDOWN_FACTOR, type HealthChange, type HealthTicket } from './deployment-health.js';
export { chooseDeployment, LATENCY_EXPLORATION, type ChoiceCandidate } from './choose-deployment.js';
export type { DeploymentLease } from './deployment-lease.js';
export { LATENCY_DECAY } from './deployment-entry.js';
export {
  AttemptPlan,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_MODELS,
  isUpstreamFault,
  type AttemptRecord,
  type GiveUpReason,
  type PlanOptions,
  type PlanStep,
} from './attempt-plan.js';
export { RoutingState, type RetryDelayRequest, type RoutingStateOptions } from './routing-state.js';
