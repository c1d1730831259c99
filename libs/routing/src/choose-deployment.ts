import type { RandomSource } from './routing-clock.js';
import type { LoadBalancing } from './routing-model.js';

/** With `latency`, this share of choices goes to a random deployment of the tier, so a slow one can show it recovered. */
export const LATENCY_EXPLORATION = 0.1;

/** One deployment that may take the request now (in rotation or probe-able, not used up in this request). */
export interface ChoiceCandidate {
  weight: number;
  priority: number;
  /** Requests this replica has in flight to it. */
  inFlight: number;
  /** Decayed average time to first byte, ms; undefined before its first success (tried first by `latency`). */
  latencyMs: number | undefined;
  /** Already sent to in this request: another of the tier goes first. */
  tried: boolean;
}

/**
 * The index (into `candidates`) of the deployment to send to, or undefined when there is none. Only the
 * highest tier (lowest `priority`) among the candidates is considered; within it, deployments not yet tried
 * in this request go first; then the strategy:
 * - `weighted`: at random by weight (weight-0 deployments only when no positive weight is left);
 * - `least_busy`: fewest in flight (ties: config order);
 * - `latency`: lowest decayed time to first byte (unmeasured first), except a `LATENCY_EXPLORATION` share
 *   picked uniformly at random;
 * - `ordered`: the first in config order.
 */
export function chooseDeployment(candidates: readonly ChoiceCandidate[], strategy: LoadBalancing, random: RandomSource): number | undefined {
  if (candidates.length === 0) return undefined;
  const pool = candidatePool(candidates);
  switch (strategy) {
    case 'ordered':
      return pool[0];
    case 'least_busy':
      return minBy(pool, (index) => candidates[index]!.inFlight);
    case 'latency':
      if (pool.length > 1 && random() < LATENCY_EXPLORATION) return pool[Math.min(Math.floor(random() * pool.length), pool.length - 1)];
      return minBy(pool, (index) => candidates[index]!.latencyMs ?? -1);
    case 'weighted':
      return weighted(pool, candidates, random);
  }
}

/**
 * The indexes the strategy chooses among: the highest tier's deployments not yet tried in this request, or all
 * of that tier when every one was tried. Plain loops: this runs on every routed request.
 */
function candidatePool(candidates: readonly ChoiceCandidate[]): number[] {
  let tier = Infinity;
  for (const candidate of candidates) if (candidate.priority < tier) tier = candidate.priority;
  const fresh: number[] = [];
  const inTier: number[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    if (candidate.priority !== tier) continue;
    inTier.push(index);
    if (!candidate.tried) fresh.push(index);
  }
  return fresh.length > 0 ? fresh : inTier;
}

function weighted(pool: readonly number[], candidates: readonly ChoiceCandidate[], random: RandomSource): number | undefined {
  let total = 0;
  for (const index of pool) total += Math.max(candidates[index]!.weight, 0);
  if (total <= 0) return pool[Math.min(Math.floor(random() * pool.length), pool.length - 1)];
  let point = random() * total;
  let last: number | undefined;
  for (const index of pool) {
    const weight = candidates[index]!.weight;
    if (weight <= 0) continue;
    last = index;
    point -= weight;
    if (point < 0) return index;
  }
  // Floating-point rounding can leave `point` at 0 after the last one.
  return last;
}

function minBy(pool: readonly number[], score: (index: number) => number): number | undefined {
  let best: number | undefined;
  for (const index of pool) if (best === undefined || score(index) < score(best)) best = index;
  return best;
}
