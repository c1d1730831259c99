import type { AttemptEvent, CircuitEvent, CircuitState, FallbackEvent, RoutingListener } from '@llm-router/routing';
import { Counter, Gauge, type Registry } from 'prom-client';

const CIRCUIT_VALUE: Readonly<Record<CircuitState, number>> = { closed: 0, half_open: 1, open: 2 };

/**
 * Routing metrics of routed models (several deployments or fallbacks), from the routing lib's events.
 * Labels are bounded by the config: model names and deployment labels (a configured `name` or an index).
 */
export class RoutingMetrics implements RoutingListener {
  private readonly attempts: Counter<'model' | 'deployment' | 'outcome'>;
  private readonly fallbacks: Counter<'from' | 'to' | 'kind'>;
  private readonly circuit: Gauge<'model' | 'deployment'>;

  constructor(registry: Registry) {
    this.attempts = new Counter({
      name: 'llm_router_routing_attempts_total',
      help: 'Sends of routed requests by model, deployment and outcome (success, a status, timeout, network, stream_error, first_token_timeout, context_length, content_policy).',
      labelNames: ['model', 'deployment', 'outcome'] as const,
      registers: [registry],
    });
    this.fallbacks = new Counter({
      name: 'llm_router_routing_fallbacks_total',
      help: 'Moves of a request from one model to another, by kind (fallbacks, context_window).',
      labelNames: ['from', 'to', 'kind'] as const,
      registers: [registry],
    });
    this.circuit = new Gauge({
      name: 'llm_router_deployment_circuit_state',
      help: 'Circuit state of a deployment on this replica: 0 closed (in rotation), 1 half-open (one probe), 2 open (out for its cooldown).',
      labelNames: ['model', 'deployment'] as const,
      registers: [registry],
    });
  }

  onAttempt({ model, deployment, outcome }: AttemptEvent): void {
    this.attempts.inc({ model, deployment, outcome: outcome.kind === 'status' ? String(outcome.status) : outcome.kind });
  }

  onFallback({ from, to, kind }: FallbackEvent): void {
    this.fallbacks.inc({ from, to, kind });
  }

  onCircuitChange({ model, deployment, to }: CircuitEvent): void {
    this.circuit.set({ model, deployment }, CIRCUIT_VALUE[to]);
  }
}
