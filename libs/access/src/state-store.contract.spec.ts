import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AccessClock } from './access-clock.js';
import { AccessLimiter, MINUTE_MS } from './access-limiter.js';
import { AccessPolicy, type AccessPolicySettings } from './access-policy.js';
import { MemoryStateStore } from './memory-state-store.js';
import { RedisStateStore } from './redis-state-store.js';
import { RedisTestServer } from './redis-server.spec-helper.js';
import type { CounterCharge, StateStore } from './state-store.js';
import { sha256Hex } from './sha256-hex.js';

// The SAME contract, run against the memory store and against a real redis-server. Times are the operations'
// `now` (a fake clock), so window rollover and expiry are exact on both without waiting.

let redis: RedisTestServer;
const opened: StateStore[] = [];

beforeAll(async () => {
  redis = await RedisTestServer.start();
});

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await redis.stop();
});

async function redisStore(): Promise<StateStore> {
  const store = new RedisStateStore({ url: redis.url, timeoutMs: 1000, prefix: `test:${randomUUID()}:` });
  opened.push(store);
  await store.ready();
  return store;
}

async function memoryStore(): Promise<StateStore> {
  return new MemoryStateStore({ maxKeys: 10_000 });
}

const hold = (key: string, limit: number, amount: number): CounterCharge => ({ key, limit, amount, mode: 'hold', ttlMs: 60_000 });
const count = (key: string, limit: number, amount = 1): CounterCharge => ({ key, limit, amount, mode: 'count', ttlMs: 60_000 });

class FakeClock implements AccessClock {
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
}

describe.each([
  ['memory', memoryStore],
  ['redis', redisStore],
])('StateStore contract: %s', (_name, makeStore) => {
  it('admits within the limit, reports totals, and refuses all-or-nothing across counters', async () => {
    const store = await makeStore();
    const first = await store.reserve({ now: 0, reservationId: 'r1', expiresAt: 10_000, charges: [count('a', 5, 2), hold('b', 10, 7)] });
    expect(first).toEqual({ admitted: true, totals: [2, 7] });
    // b would reach 11 > 10: nothing is charged, not even a, which had room.
    const second = await store.reserve({ now: 1, reservationId: 'r2', expiresAt: 10_000, charges: [count('a', 5, 1), hold('b', 10, 4)] });
    expect(second).toEqual({ admitted: false, totals: [2, 7] });
    const third = await store.reserve({ now: 2, reservationId: 'r3', expiresAt: 10_000, charges: [count('a', 5, 3), hold('b', 10, 3)] });
    expect(third).toEqual({ admitted: true, totals: [5, 10] });
  });

  it('admits exactly 50 of 200 concurrent reservations against a limit of 50', async () => {
    const store = await makeStore();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => store.reserve({ now: 5, reservationId: `r${index}`, expiresAt: 10_000, charges: [hold('lease', 50, 1), count('rpm', 1000)] })),
    );
    expect(results.filter((result) => result.admitted)).toHaveLength(50);
    const after = await store.reserve({ now: 6, reservationId: 'probe', expiresAt: 10_000, charges: [hold('lease', 1000, 0), count('rpm', 1000, 0)] });
    expect(after.totals).toEqual([50, 50]);
  });

  it('lapses each reservation at its own expiry, whatever order they were written in', async () => {
    const store = await makeStore();
    // The memory store keeps holds in expiry order for speed; out-of-order expiries must still lapse exactly.
    await store.reserve({ now: 0, reservationId: 'long', expiresAt: 5000, charges: [hold('h', 10, 3)] });
    await store.reserve({ now: 1, reservationId: 'short', expiresAt: 1000, charges: [hold('h', 10, 4)] });
    await store.reserve({ now: 2, reservationId: 'mid', expiresAt: 3000, charges: [hold('h', 10, 2)] });
    const probe = (now: number) => store.reserve({ now, reservationId: `p${now}`, expiresAt: now + 1, charges: [hold('h', 100, 0)] });
    expect((await probe(999)).totals).toEqual([9]);
    expect((await probe(1000)).totals).toEqual([5]);
    expect((await probe(3000)).totals).toEqual([3]);
    expect((await probe(5000)).totals).toEqual([0]);
    // An extension moves a reservation's expiry later: it then outlives one written after it.
    await store.reserve({ now: 6000, reservationId: 'x', expiresAt: 7000, charges: [hold('h', 10, 1)] });
    await store.reserve({ now: 6001, reservationId: 'y', expiresAt: 7500, charges: [hold('h', 10, 2)] });
    await store.extend({ now: 6500, reservationId: 'x', expiresAt: 9000, keys: ['h'] });
    expect((await probe(7600)).totals).toEqual([1]);
    expect((await probe(9000)).totals).toEqual([0]);
  });

  it('lets a reservation lapse at its expiry, and never a count', async () => {
    const store = await makeStore();
    expect((await store.reserve({ now: 0, reservationId: 'r1', expiresAt: 1000, charges: [hold('h', 1, 1), count('c', 1)] })).admitted).toBe(true);
    expect((await store.reserve({ now: 999, reservationId: 'r2', expiresAt: 2000, charges: [hold('h', 1, 1)] })).admitted).toBe(false);
    expect(await store.reserve({ now: 1000, reservationId: 'r3', expiresAt: 2000, charges: [hold('h', 1, 1)] })).toEqual({ admitted: true, totals: [1] });
    expect(await store.reserve({ now: 5000, reservationId: 'r4', expiresAt: 6000, charges: [count('c', 1)] })).toEqual({ admitted: false, totals: [1] });
  });

  it('settles a reservation to the real amount, and releases with 0', async () => {
    const store = await makeStore();
    await store.reserve({ now: 0, reservationId: 'big', expiresAt: 10_000, charges: [hold('t', 150, 100)] });
    await store.settle({ now: 1, reservationId: 'big', entries: [{ key: 't', amount: 30, ttlMs: 60_000 }] });
    expect(await store.reserve({ now: 2, reservationId: 'next', expiresAt: 10_000, charges: [hold('t', 150, 120)] })).toEqual({ admitted: true, totals: [150] });
    await store.settle({ now: 3, reservationId: 'next', entries: [{ key: 't', amount: 0, ttlMs: 60_000 }] });
    expect(await store.reserve({ now: 4, reservationId: 'probe', expiresAt: 10_000, charges: [hold('t', 150, 0)] })).toEqual({ admitted: true, totals: [30] });
    // Settling twice changes nothing more than the first time did.
    await store.settle({ now: 5, reservationId: 'next', entries: [{ key: 't', amount: 0, ttlMs: 60_000 }] });
    expect((await store.reserve({ now: 6, reservationId: 'probe2', expiresAt: 10_000, charges: [hold('t', 150, 0)] })).totals).toEqual([30]);
  });

  it('charges the real usage of a reservation that already lapsed (the next request pays)', async () => {
    const store = await makeStore();
    await store.reserve({ now: 0, reservationId: 'slow', expiresAt: 100, charges: [hold('t', 1000, 500)] });
    expect((await store.reserve({ now: 200, reservationId: 'p', expiresAt: 300, charges: [hold('t', 1000, 0)] })).totals).toEqual([0]);
    await store.settle({ now: 250, reservationId: 'slow', entries: [{ key: 't', amount: 700, ttlMs: 60_000 }] });
    expect((await store.reserve({ now: 260, reservationId: 'q', expiresAt: 300, charges: [hold('t', 1000, 0)] })).totals).toEqual([700]);
  });

  it('extends a live reservation past its first expiry, but does not revive a lapsed one', async () => {
    const store = await makeStore();
    await store.reserve({ now: 0, reservationId: 'long', expiresAt: 1000, charges: [hold('p', 1, 1)] });
    await store.extend({ now: 900, reservationId: 'long', expiresAt: 5000, keys: ['p'] });
    expect((await store.reserve({ now: 4000, reservationId: 'x', expiresAt: 9000, charges: [hold('p', 1, 1)] })).admitted).toBe(false);
    expect((await store.reserve({ now: 5000, reservationId: 'y', expiresAt: 6000, charges: [hold('p', 1, 1)] })).admitted).toBe(true);
    await store.extend({ now: 7000, reservationId: 'y', expiresAt: 20_000, keys: ['p'] });
    expect((await store.reserve({ now: 7001, reservationId: 'z', expiresAt: 8000, charges: [hold('p', 1, 1)] })).admitted).toBe(true);
  });

  it('counts amounts above 2^46 exactly (micro-dollar budgets)', async () => {
    const store = await makeStore();
    const big = 2 ** 46 + 3;
    expect(await store.reserve({ now: 0, reservationId: 'b', expiresAt: 1000, charges: [hold('u', 2 ** 50, big)] })).toEqual({ admitted: true, totals: [big] });
    await store.settle({ now: 1, reservationId: 'b', entries: [{ key: 'u', amount: big + 1, ttlMs: 60_000 }] });
    expect((await store.reserve({ now: 2, reservationId: 'c', expiresAt: 1000, charges: [hold('u', 2 ** 50, 0)] })).totals).toEqual([big + 1]);
  });

  describe('through AccessLimiter', () => {
    const settings = (): AccessPolicySettings => ({
      auth: { keys: [{ name: 'team-a', keySha256: sha256Hex('sk-a'), models: ['*'], limits: { rpm: 10, tpm: 1000, maxParallel: 3 }, budget: { tokens: 5000, period: '1h', periodMs: 3_600_000 } }] },
      models: { m: { limits: { rpm: 100 } } },
    });

    async function limiter(clock: FakeClock): Promise<{ limiter: AccessLimiter; policy: AccessPolicy }> {
      const policy = new AccessPolicy(settings());
      return { policy, limiter: new AccessLimiter(policy, await makeStore(), { clock, onError: 'fail_closed', reservationTtlMs: 600_000 }) };
    }

    it('rolls the rpm window over without losing or double-counting increments', async () => {
      const clock = new FakeClock(10 * MINUTE_MS - 1);
      const { limiter: access, policy } = await limiter(clock);
      const caller = { name: 'team-a', via: 'key' as const, policy: policy.keys.lookup('sk-a')! };
      const admit = () => access.admit({ caller, model: 'm', estimate: { inputTokens: 0, maxOutputTokens: 0 } });
      const before = await Promise.all(Array.from({ length: 30 }, admit));
      expect(before.filter((d) => d.allowed)).toHaveLength(3);
      // max_parallel 3 holds: release them, then fill the window's rpm.
      for (const d of before) if (d.allowed) await access.release(d.ticket);
      const more = [];
      for (let i = 0; i < 10; i++) {
        const d = await admit();
        more.push(d);
        if (d.allowed) await access.release(d.ticket);
      }
      expect(more.filter((d) => d.allowed)).toHaveLength(7);
      const refused = more.at(-1)!;
      expect(refused).toMatchObject({ allowed: false, reason: 'rate_limited', status: 429, retryAfterSeconds: 1, limitedBy: 'requests' });
      clock.time += 1;
      const next = await Promise.all(Array.from({ length: 3 }, admit));
      expect(next.every((d) => d.allowed)).toBe(true);
      expect(next.map((d) => (d.allowed ? d.rateLimit.requests?.remaining : -1)).sort()).toEqual([7, 8, 9]);
    });

    it('reserves the estimate for tpm and the budget, settles to real usage, and releases on error', async () => {
      const clock = new FakeClock(0);
      const { limiter: access, policy } = await limiter(clock);
      const caller = { name: 'team-a', via: 'key' as const, policy: policy.keys.lookup('sk-a')! };
      const first = await access.admit({ caller, model: 'm', estimate: { inputTokens: 200, maxOutputTokens: 600 } });
      if (!first.allowed) throw new Error('first request refused');
      expect(first.rateLimit.tokens).toEqual({ limit: 1000, remaining: 200, resetAt: MINUTE_MS });
      const second = await access.admit({ caller, model: 'm', estimate: { inputTokens: 100, maxOutputTokens: 200 } });
      expect(second).toMatchObject({ allowed: false, reason: 'rate_limited', limitedBy: 'tokens', retryAfterSeconds: 60 });
      await access.settle(first.ticket, { inputTokens: 150, outputTokens: 50 });
      const third = await access.admit({ caller, model: 'm', estimate: { inputTokens: 100, maxOutputTokens: 200 } });
      if (!third.allowed) throw new Error('third request refused');
      expect(third.rateLimit.tokens?.remaining).toBe(1000 - 200 - 300);
      await access.release(third.ticket);
      const probe = await access.admit({ caller, model: 'm', estimate: { inputTokens: 0, maxOutputTokens: 0 } });
      expect(probe.allowed && probe.rateLimit.tokens?.remaining).toBe(800);
    });

    it('refuses over budget until the period rolls, with the period end', async () => {
      const clock = new FakeClock(0);
      const { limiter: access, policy } = await limiter(clock);
      const caller = { name: 'team-a', via: 'key' as const, policy: policy.keys.lookup('sk-a')! };
      for (let minute = 0; minute < 5; minute++) {
        clock.time = minute * MINUTE_MS;
        const admitted = await access.admit({ caller, model: 'm', estimate: { inputTokens: 100, maxOutputTokens: 100 } });
        if (!admitted.allowed) throw new Error(`refused in minute ${minute}`);
        // A stream that overruns its estimate is charged in full: the next request pays.
        await access.settle(admitted.ticket, { inputTokens: 100, outputTokens: 900 });
      }
      clock.time = 5 * MINUTE_MS;
      const over = await access.admit({ caller, model: 'm', estimate: { inputTokens: 1, maxOutputTokens: 1 } });
      expect(over).toMatchObject({ allowed: false, reason: 'over_budget', resetsAt: 3_600_000, retryAfterSeconds: 3300 });
      clock.time = 3_600_000;
      expect((await access.admit({ caller, model: 'm', estimate: { inputTokens: 1, maxOutputTokens: 1 } })).allowed).toBe(true);
    });
  });
});
