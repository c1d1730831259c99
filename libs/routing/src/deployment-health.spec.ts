import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DeploymentHealth, MAX_COOLDOWN_FACTOR } from './deployment-health.js';

const policy = { allowedFails: 3, cooldownMs: 30_000 };

function openedHealth(now: number): DeploymentHealth {
  const health = new DeploymentHealth(policy);
  for (let i = 0; i < 3; i++) health.failure(health.admit(now)!.ticket, now);
  return health;
}

describe('DeploymentHealth', () => {
  it('stays in rotation below allowed_fails and goes out at allowed_fails consecutive failures', () => {
    const health = new DeploymentHealth(policy);
    expect(health.failure(health.admit(0)!.ticket, 0)).toBeUndefined();
    expect(health.failure(health.admit(0)!.ticket, 0)).toBeUndefined();
    expect(health.isAvailable(0)).toBe(true);
    expect(health.failure(health.admit(0)!.ticket, 0)).toEqual({ from: 'closed', to: 'open', cooldownMs: 30_000 });
    expect(health.isAvailable(29_999)).toBe(false);
    expect(health.admit(29_999)).toBeUndefined();
  });

  it('a success between failures resets the count', () => {
    const health = new DeploymentHealth(policy);
    health.failure(health.admit(0)!.ticket, 0);
    health.failure(health.admit(0)!.ticket, 0);
    health.success(health.admit(0)!.ticket);
    health.failure(health.admit(0)!.ticket, 0);
    health.failure(health.admit(0)!.ticket, 0);
    expect(health.circuitState()).toBe('closed');
  });

  it('goes out at once on a Retry-After, for the longer of it and the cooldown', () => {
    const health = new DeploymentHealth(policy);
    expect(health.failure(health.admit(0)!.ticket, 0, 120_000)).toEqual({ from: 'closed', to: 'open', cooldownMs: 120_000 });
    const short = new DeploymentHealth(policy);
    expect(short.failure(short.admit(0)!.ticket, 0, 1_000)).toEqual({ from: 'closed', to: 'open', cooldownMs: 30_000 });
  });

  it('admits exactly one probe when the cooldown ends; success puts it back in rotation', () => {
    const health = openedHealth(0);
    const probe = health.admit(30_000);
    expect(probe?.ticket.probe).toBe(true);
    expect(probe?.change).toEqual({ from: 'open', to: 'half_open' });
    expect(health.admit(30_001)).toBeUndefined();
    expect(health.success(probe!.ticket)).toEqual({ from: 'half_open', to: 'closed' });
    expect(health.admit(30_002)?.ticket.probe).toBe(false);
  });

  it('a failed probe doubles the cooldown, capped at MAX_COOLDOWN_FACTOR times the configured one', () => {
    const health = openedHealth(0);
    let now = 30_000;
    const expected = [60_000, 120_000, 240_000, 480_000, 960_000, 960_000];
    for (const cooldownMs of expected) {
      const probe = health.admit(now)!;
      expect(health.failure(probe.ticket, now)).toEqual({ from: 'half_open', to: 'open', cooldownMs });
      expect(health.isAvailable(now + cooldownMs - 1)).toBe(false);
      now += cooldownMs;
    }
    expect(960_000).toBe(policy.cooldownMs * MAX_COOLDOWN_FACTOR);
  });

  it('a cancelled probe frees the slot for the next request', () => {
    const health = openedHealth(0);
    const probe = health.admit(30_000)!;
    health.neutral(probe.ticket);
    expect(health.admit(30_000)?.ticket.probe).toBe(true);
  });

  it('ignores a late success of a request admitted before the circuit opened', () => {
    const health = new DeploymentHealth(policy);
    const slow = health.admit(0)!.ticket;
    for (let i = 0; i < 3; i++) health.failure(health.admit(0)!.ticket, 0);
    expect(health.success(slow)).toBeUndefined();
    expect(health.circuitState()).toBe('open');
  });

  it('property: never more than one probe in flight, whatever the sequence of calls', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('admit' as const), dt: fc.integer({ min: 0, max: 40_000 }) }),
      fc.record({ kind: fc.constantFrom('success' as const, 'failure' as const, 'neutral' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const health = new DeploymentHealth({ allowedFails: 2, cooldownMs: 10_000 });
        let now = 0;
        const open: { probe: boolean; epoch: number }[] = [];
        for (const o of ops) {
          if (o.kind === 'admit') {
            now += o.dt;
            const admitted = health.admit(now);
            if (admitted !== undefined) open.push(admitted.ticket);
          } else if (open.length > 0) {
            const [ticket] = open.splice(o.which % open.length, 1);
            if (o.kind === 'success') health.success(ticket!);
            else if (o.kind === 'failure') health.failure(ticket!, now);
            else health.neutral(ticket!);
          }
          const probesInFlight = open.filter((t) => t.probe && health.circuitState() === 'half_open').length;
          expect(probesInFlight).toBeLessThanOrEqual(1);
          if (health.circuitState() === 'half_open') expect(health.admit(now + 1_000_000)).toBeUndefined();
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
