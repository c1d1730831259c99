import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AttemptOutcome } from './attempt-outcome.js';
import type { PlanStep } from './attempt-plan.js';
import type { RoutingDeployment } from './routing-model.js';
import { deployment, model, stateOf, TestClock } from './test-models.spec-helper.js';

type Step = PlanStep<RoutingDeployment, unknown>;

/** Drives a plan with one outcome per attempt; returns the attempts' `model/deployment` and the final step. */
function drive(start: Step, settle: (o: AttemptOutcome) => Step, outcomes: AttemptOutcome[], clock?: TestClock) {
  const sent: string[] = [];
  let step = start;
  while (step.kind === 'attempt') {
    clock?.advance(step.delayMs);
    sent.push(`${step.model.name}/${step.deployment.label}`);
    step = settle(outcomes.shift() ?? { kind: 'success' });
  }
  return { sent, step };
}

describe('AttemptPlan', () => {
  it('a success on the first send is done, holding its lease until released', () => {
    const { state } = stateOf([model('m', 1)]);
    const plan = state.plan('m');
    const first = plan.start();
    expect(first).toMatchObject({ kind: 'attempt', attempt: 1, delayMs: 0 });
    expect(state.inFlight('m#0')).toBe(1);
    const done = plan.settle({ kind: 'success' });
    expect(done.kind).toBe('done');
    if (done.kind === 'done') done.lease.release();
    expect(state.inFlight('m#0')).toBe(0);
  });

  it('a 503 goes to the other deployment of the tier at once, then retries the first with backoff', () => {
    const { state, clock } = stateOf([model('m', 2)]);
    const plan = state.plan('m');
    const delays: number[] = [];
    let step = plan.start();
    const sent: string[] = [];
    const outcomes: AttemptOutcome[] = [{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }];
    while (step.kind === 'attempt') {
      delays.push(step.delayMs);
      clock.advance(step.delayMs);
      sent.push(step.deployment.label);
      step = plan.settle(outcomes.shift() ?? { kind: 'success' });
    }
    expect(sent).toEqual(['0', '1', '0']);
    expect(delays).toEqual([0, 0, 1000]);
    expect(step.kind).toBe('done');
  });

  it('other 4xx give up at once, with the upstream outcome', () => {
    const { state } = stateOf([model('m', 2, { fallbacks: ['f'] }), model('f', 1)]);
    const plan = state.plan('m');
    const { sent, step } = drive(plan.start(), (o) => plan.settle(o), [{ kind: 'status', status: 404 }]);
    expect(sent).toEqual(['m/0']);
    expect(step).toMatchObject({ kind: 'give_up', reason: 'not_retryable', outcome: { status: 404 } });
  });

  it('a content-policy 400 is not retried; a context-length 400 goes to context_window_fallbacks only', () => {
    const { state } = stateOf([model('m', 2, { fallbacks: ['f'], contextWindowFallbacks: ['long'] }), model('f', 1), model('long', 1)]);
    const policy = state.plan('m');
    expect(drive(policy.start(), (o) => policy.settle(o), [{ kind: 'content_policy' }]).step).toMatchObject({ kind: 'give_up', reason: 'content_policy' });
    const context = state.plan('m');
    const run = drive(context.start(), (o) => context.settle(o), [{ kind: 'context_length' }]);
    expect(run.sent).toEqual(['m/0', 'long/0']);
    expect(run.step.kind).toBe('done');
    const none = stateOf([model('m', 2, { fallbacks: ['f'] }), model('f', 1)]).state.plan('m');
    expect(drive(none.start(), (o) => none.settle(o), [{ kind: 'context_length' }])).toMatchObject({ sent: ['m/0'], step: { reason: 'context_length' } });
  });

  it('a timeout is not retried on the same deployment while a fallback exists, but is when nothing else is left', () => {
    const { state } = stateOf([model('m', 1, { fallbacks: ['f'] }), model('f', 1)]);
    const plan = state.plan('m');
    expect(drive(plan.start(), (o) => plan.settle(o), [{ kind: 'timeout' }]).sent).toEqual(['m/0', 'f/0']);
    const alone = stateOf([model('m', 1)]).state.plan('m');
    expect(drive(alone.start(), (o) => alone.settle(o), [{ kind: 'timeout' }]).sent).toEqual(['m/0', 'm/0']);
  });

  it('goes through deployments, then fallbacks breadth first, then gives up with the last error', () => {
    const none = { retry: { maxRetries: 0, retryStatusCodes: [] } };
    const { state, fallbacks } = stateOf([
      model('m', [deployment('m', 0, none), deployment('m', 1, none)], { fallbacks: ['a', 'b'] }),
      model('a', [deployment('a', 0, none)], { fallbacks: ['x'] }),
      model('b', [deployment('b', 0, none)]),
      model('x', [deployment('x', 0, none)], { fallbacks: ['m'] }),
    ]);
    const plan = state.plan('m');
    const fail: AttemptOutcome = { kind: 'status', status: 502 };
    const run = drive(plan.start(), (o) => plan.settle(o), [fail, fail, fail, fail, fail]);
    expect(run.sent).toEqual(['m/0', 'm/1', 'a/0', 'b/0', 'x/0']);
    expect(run.step).toMatchObject({ kind: 'give_up', reason: 'exhausted', outcome: { status: 502 } });
    expect(fallbacks.map((f) => `${f.from}->${f.to}`)).toEqual(['m->a', 'm->b', 'a->x']);
  });

  it('a retryable status not in fallback_on is retried on the same deployment only', () => {
    const { state } = stateOf([model('m', 2, { fallbacks: ['f'], routing: { cooldown: { allowedFails: 9, cooldownMs: 1 }, fallbackOn: [] } }), model('f', 1)]);
    const plan = state.plan('m');
    const run = drive(plan.start(), (o) => plan.settle(o), [{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }]);
    expect(run.sent).toEqual(['m/0', 'm/0']);
    expect(run.step).toMatchObject({ kind: 'give_up', reason: 'exhausted' });
  });

  it('a lower tier serves only when the higher tier is out or used up', () => {
    const { state } = stateOf([model('m', [deployment('m', 0, { retry: { maxRetries: 0, retryStatusCodes: [] } }), deployment('m', 1, { priority: 1 })])]);
    const plan = state.plan('m');
    expect(drive(plan.start(), (o) => plan.settle(o), []).sent).toEqual(['m/0']);
    const failing = state.plan('m');
    expect(drive(failing.start(), (o) => failing.settle(o), [{ kind: 'status', status: 500 }]).sent).toEqual(['m/0', 'm/1']);
  });

  it('skips a model whose deployments are all out straight to its fallback; the half-open probe returns traffic', () => {
    const { state, clock, circuits } = stateOf([model('m', 1, { fallbacks: ['f'] }), model('f', 1)]);
    state.model('m');
    for (let i = 0; i < 3; i++) {
      const plan = state.plan('m');
      drive(plan.start(), (o) => plan.settle(o), [{ kind: 'timeout' }]);
    }
    expect(state.circuit('m#0')).toBe('open');
    const skipped = state.plan('m');
    expect(drive(skipped.start(), (o) => skipped.settle(o), []).sent).toEqual(['f/0']);
    clock.advance(30_000);
    const probe = state.plan('m');
    expect(drive(probe.start(), (o) => probe.settle(o), []).sent).toEqual(['m/0']);
    expect(state.circuit('m#0')).toBe('closed');
    expect(circuits.map((c) => `${c.from}->${c.to}`)).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('a 429 with Retry-After takes the deployment out at once', () => {
    const { state } = stateOf([model('m', 2)]);
    const plan = state.plan('m');
    plan.start();
    plan.settle({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    expect(state.circuit('m#0')).toBe('open');
  });

  it('gives up as unavailable, with the soonest probe time, when everything is out', () => {
    const { state, clock } = stateOf([model('m', 1)]);
    const plan = state.plan('m');
    plan.start();
    plan.settle({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    clock.advance(10_000);
    expect(state.plan('m').start()).toEqual({ kind: 'give_up', reason: 'unavailable', retryAfterMs: 50_000 });
  });

  it('starts no attempt and no wait past the deadline', () => {
    const { state, clock } = stateOf([model('m', 1)]);
    const plan = state.plan('m', { deadlineAt: clock.now() + 500 });
    plan.start();
    // The retry would wait 1000 ms: past the deadline, so the plan gives up instead.
    expect(plan.settle({ kind: 'status', status: 503 })).toMatchObject({ kind: 'give_up', reason: 'exhausted' });
  });

  it('keeps the health of deployments whose key survives a reload', () => {
    const { state } = stateOf([model('m', 2)]);
    const plan = state.plan('m');
    plan.start();
    plan.settle({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    state.update([model('m', [deployment('m', 0), deployment('m', 2)])]);
    expect(state.circuit('m#0')).toBe('open');
    expect(state.circuit('m#2')).toBe('closed');
    expect(state.circuit('m#1')).toBeUndefined();
  });

  it('cancel releases the lease and frees a probe', () => {
    const { state } = stateOf([model('m', 1)]);
    const plan = state.plan('m');
    plan.start();
    plan.cancel();
    expect(state.inFlight('m#0')).toBe(0);
  });

  const arbOutcome: fc.Arbitrary<AttemptOutcome> = fc.oneof(
    fc.constant({ kind: 'success' } as const),
    fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(400, 401, 404, 408, 413, 422, 429, 500, 502, 503, 504, 529), retryAfterMs: fc.option(fc.nat(100_000), { nil: undefined }) }),
    fc.constantFrom<AttemptOutcome>({ kind: 'timeout' }, { kind: 'first_token_timeout' }, { kind: 'network' }, { kind: 'stream_error' }, { kind: 'context_length' }, { kind: 'content_policy' }),
  );

  /** A random routing config: models m0..mN, random deployments, budgets, fallbacks (cycles included: the runtime must survive them). */
  const arbWorld = fc.integer({ min: 1, max: 4 }).chain((count) => {
    const names = Array.from({ length: count }, (_, i) => `m${i}`);
    const arbModel = (name: string) =>
      fc.record({
        deployments: fc.array(fc.record({ maxRetries: fc.nat(4), priority: fc.nat(2), weight: fc.nat(3) }), { minLength: 1, maxLength: 3 }),
        fallbacks: fc.subarray(names),
        contextWindowFallbacks: fc.subarray(names),
        allowedFails: fc.integer({ min: 1, max: 4 }),
        fallbackOn: fc.subarray<number | 'timeout' | 'network'>([429, 500, 502, 503, 504, 529, 'timeout', 'network']),
        retryCodes: fc.subarray([429, 500, 502, 503, 504]),
        loadBalancing: fc.constantFrom('weighted', 'least_busy', 'latency', 'ordered' as const),
      }).map((m) =>
        model(
          name,
          m.deployments.map((d, i) => deployment(name, i, { priority: d.priority, weight: d.weight, retry: { maxRetries: d.maxRetries, retryStatusCodes: m.retryCodes } })),
          { fallbacks: m.fallbacks, contextWindowFallbacks: m.contextWindowFallbacks, routing: { cooldown: { allowedFails: m.allowedFails, cooldownMs: 1000 }, fallbackOn: m.fallbackOn } },
          m.loadBalancing,
        ),
      );
    return fc.tuple(...names.map(arbModel));
  });

  it('property: always terminates within the bound, never retries a 4xx, never resends a context-length error to a model already tried', () => {
    fc.assert(
      fc.property(arbWorld, fc.array(arbOutcome, { maxLength: 60 }), fc.integer(), (models, outcomes, seed) => {
        const { state } = stateOf(models, new TestClock(), () => ((seed >>> 0) % 1000) / 1000);
        const plan = state.plan('m0', { maxAttempts: 8 });
        let step = plan.start();
        const seenModels = new Set<string>();
        let sends = 0;
        while (step.kind === 'attempt') {
          sends += 1;
          expect(sends).toBeLessThanOrEqual(8);
          seenModels.add(step.model.name);
          const outcome = outcomes.shift() ?? { kind: 'status', status: 503 };
          const before = step;
          step = plan.settle(outcome);
          const notListed = outcome.kind === 'status' && outcome.status < 500 && !before.model.routing.fallbackOn.includes(outcome.status) && !before.deployment.retry.retryStatusCodes.includes(outcome.status);
          if ((notListed || outcome.kind === 'content_policy' || (outcome.kind === 'status' && outcome.status === 400))) expect(step.kind).toBe('give_up');
          if (outcome.kind === 'context_length' && step.kind === 'attempt') expect(seenModels.has(step.model.name)).toBe(false);
        }
        if (step.kind === 'done') step.lease.release();
        for (const m of models) for (const d of m.deployments) expect(state.inFlight(d.key)).toBe(0);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('property: never sends to an out-of-rotation deployment while one of its model is in rotation', () => {
    fc.assert(
      fc.property(arbWorld, fc.array(arbOutcome, { maxLength: 80 }), (models, outcomes) => {
        const clock = new TestClock();
        const { state } = stateOf(models, clock);
        for (let request = 0; request < 10 && outcomes.length > 0; request++) {
          const plan = state.plan('m0');
          let step = plan.start();
          while (step.kind === 'attempt') {
            const circuit = state.circuit(step.deployment.key);
            // Admission moved an expired open circuit to half_open (the probe); a closed one stays closed.
            expect(circuit === 'closed' || circuit === 'half_open').toBe(true);
            step = plan.settle(outcomes.shift() ?? { kind: 'success' });
          }
          if (step.kind === 'done') step.lease.release();
          clock.advance(400);
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
