import type { LoadBalancing, RoutingDeployment, RoutingModel } from './routing-model.js';
import { RoutingState } from './routing-state.js';
import type { CircuitEvent, FallbackEvent } from './routing-events.js';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public ms = 1_000_000) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A seeded linear-congruential source in [0, 1): deterministic runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function deployment(model: string, index: number, overrides: Partial<RoutingDeployment> = {}): RoutingDeployment {
  return { key: `${model}#${index}`, label: String(index), weight: 1, priority: 0, retry: { maxRetries: 1, retryStatusCodes: [429, 500, 502, 503, 504] }, ...overrides };
}

export function model(name: string, deployments: number | RoutingDeployment[], overrides: Partial<RoutingModel> = {}, loadBalancing: LoadBalancing = 'ordered'): RoutingModel {
  const list = typeof deployments === 'number' ? Array.from({ length: deployments }, (_, i) => deployment(name, i)) : deployments;
  return {
    name,
    deployments: list,
    fallbacks: [],
    contextWindowFallbacks: [],
    loadBalancing,
    routing: { cooldown: { allowedFails: 3, cooldownMs: 30_000 }, fallbackOn: [429, 500, 502, 503, 504, 529, 'timeout', 'network'] },
    ...overrides,
  };
}

export function stateOf(models: RoutingModel[], clock = new TestClock(), random = seededRandom(1)) {
  const circuits: CircuitEvent[] = [];
  const fallbacks: FallbackEvent[] = [];
  const state = new RoutingState(models, {
    clock,
    random,
    retryDelayMs: ({ retryIndex }) => 1000 * 2 ** retryIndex,
    listener: { onCircuitChange: (e) => circuits.push(e), onFallback: (e) => fallbacks.push(e) },
  });
  return { state, clock, circuits, fallbacks };
}
