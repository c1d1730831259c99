import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type ChoiceCandidate, chooseDeployment } from './choose-deployment.js';
import { seededRandom } from './test-models.spec-helper.js';

const candidate = (overrides: Partial<ChoiceCandidate> = {}): ChoiceCandidate => ({ weight: 1, priority: 0, inFlight: 0, latencyMs: undefined, tried: false, ...overrides });

describe('chooseDeployment', () => {
  it('ordered takes the first of the highest tier', () => {
    expect(chooseDeployment([candidate({ priority: 1 }), candidate(), candidate()], 'ordered', () => 0)).toBe(1);
  });

  it('prefers a deployment not yet tried in this request, and falls back to a tried one of the tier', () => {
    expect(chooseDeployment([candidate({ tried: true }), candidate()], 'ordered', () => 0)).toBe(1);
    expect(chooseDeployment([candidate({ tried: true }), candidate({ priority: 1 })], 'ordered', () => 0)).toBe(0);
  });

  it('least_busy takes the fewest in flight (ties: config order)', () => {
    expect(chooseDeployment([candidate({ inFlight: 3 }), candidate({ inFlight: 1 }), candidate({ inFlight: 1 })], 'least_busy', () => 0)).toBe(1);
  });

  it('latency takes the lowest average, an unmeasured one first, and explores a random one at LATENCY_EXPLORATION', () => {
    expect(chooseDeployment([candidate({ latencyMs: 50 }), candidate({ latencyMs: 20 })], 'latency', () => 0.5)).toBe(1);
    expect(chooseDeployment([candidate({ latencyMs: 50 }), candidate()], 'latency', () => 0.5)).toBe(1);
    const draws = [0.05, 0.1];
    expect(chooseDeployment([candidate({ latencyMs: 50 }), candidate({ latencyMs: 20 })], 'latency', () => draws.shift()!)).toBe(0);
  });

  it('weighted uses weight-0 deployments only when no positive weight is left', () => {
    expect(chooseDeployment([candidate({ weight: 0 }), candidate({ weight: 1 })], 'weighted', () => 0)).toBe(1);
    expect(chooseDeployment([candidate({ weight: 0 }), candidate({ weight: 0, priority: 1 })], 'weighted', () => 0.9)).toBe(0);
  });

  it('property: weighted shares stay within 3 points of the weights over a seeded run', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 5 }), fc.integer(), (weights, seed) => {
        const random = seededRandom(seed);
        const candidates = weights.map((weight) => candidate({ weight }));
        const counts = weights.map(() => 0);
        const runs = 4000;
        for (let i = 0; i < runs; i++) counts[chooseDeployment(candidates, 'weighted', random)!]! += 1;
        const total = weights.reduce((a, b) => a + b, 0);
        weights.forEach((weight, i) => expect(Math.abs(counts[i]! / runs - weight / total)).toBeLessThan(0.03));
      }),
      { seed: 7, numRuns: 30 },
    );
  });

  it('property: the choice is always in the highest tier present, for every strategy', () => {
    const arbCandidate = fc.record({
      weight: fc.integer({ min: 0, max: 5 }),
      priority: fc.integer({ min: 0, max: 3 }),
      inFlight: fc.nat(10),
      latencyMs: fc.option(fc.nat(1000), { nil: undefined }),
      tried: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbCandidate, { minLength: 1, maxLength: 8 }), fc.constantFrom('weighted', 'least_busy', 'latency', 'ordered' as const), fc.integer(), (candidates, strategy, seed) => {
        const index = chooseDeployment(candidates, strategy, seededRandom(seed));
        expect(index).toBeDefined();
        const chosen = candidates[index!]!;
        const top = Math.min(...candidates.map((c) => c.priority));
        expect(chosen.priority).toBe(top);
        if (candidates.some((c) => c.priority === top && !c.tried)) expect(chosen.tried).toBe(false);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
