import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AccessLimiter, type AccessLimiterOptions, type StoreOperationName } from './access-limiter.js';
import { AccessPolicy } from './access-policy.js';
import { RedisStateStore } from './redis-state-store.js';
import { RedisTestServer, sleep } from './redis-server.spec-helper.js';
import { sha256Hex } from './sha256-hex.js';

// Behaviour only a shared, remote store has: two replicas on one Redis, and Redis dying and coming back.

let redis: RedisTestServer;
const stores: RedisStateStore[] = [];

beforeAll(async () => {
  redis = await RedisTestServer.start();
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis.stop();
});

const policy = new AccessPolicy({
  auth: { keys: [{ name: 'team-a', keySha256: sha256Hex('sk-a'), models: ['*'], limits: { rpm: 50, maxParallel: 1000 } }] },
  models: { m: {} },
});
const caller = { name: 'team-a', via: 'key' as const, policy: policy.keys.lookup('sk-a')! };
const clock = { now: () => 1_000 };

function replica(prefix: string, onError: AccessLimiterOptions['onError'], errors: StoreOperationName[] = []): AccessLimiter {
  const store = new RedisStateStore({ url: redis.url, timeoutMs: 100, prefix, onConnectionError: () => undefined });
  stores.push(store);
  return new AccessLimiter(policy, store, { clock, onError, reservationTtlMs: 60_000, onStoreError: (_error, operation) => errors.push(operation) });
}

const admit = (limiter: AccessLimiter) => limiter.admit({ caller, model: 'm', estimate: { inputTokens: 10, maxOutputTokens: 10 } });

describe('RedisStateStore shared by replicas', () => {
  it('two replicas on one Redis enforce one limit: exactly 50 of 2 x 100 concurrent requests pass', async () => {
    const prefix = `test:${randomUUID()}:`;
    const a = replica(prefix, 'fail_closed');
    const b = replica(prefix, 'fail_closed');
    await Promise.all(stores.slice(-2).map((store) => store.ready()));
    const results = await Promise.all([...Array.from({ length: 100 }, () => admit(a)), ...Array.from({ length: 100 }, () => admit(b))]);
    expect(results.filter((result) => result.allowed)).toHaveLength(50);
    expect(results.filter((result) => !result.allowed && result.reason === 'rate_limited')).toHaveLength(150);
  });
});

describe('RedisStateStore when Redis dies', () => {
  it('fail_closed refuses with 503, fail_open serves and reports, and both recover when Redis is back', async () => {
    const prefix = `test:${randomUUID()}:`;
    const closedErrors: StoreOperationName[] = [];
    const openErrors: StoreOperationName[] = [];
    const closed = replica(prefix, 'fail_closed', closedErrors);
    const open = replica(prefix, 'fail_open', openErrors);
    await Promise.all(stores.slice(-2).map((store) => store.ready()));
    const before = await admit(closed);
    expect(before.allowed).toBe(true);

    await redis.kill();
    const down = await admit(closed);
    expect(down).toMatchObject({ allowed: false, reason: 'store_unavailable', status: 503 });
    expect(down.allowed === false && down.logDetail).toContain('state store reserve failed');
    expect(closedErrors).toContain('reserve');
    const served = await admit(open);
    if (!served.allowed) throw new Error('fail_open refused');
    expect(served.ticket.degraded).toBe(true);
    expect(openErrors).toEqual(['reserve']);
    // Settling a degraded ticket does nothing; settling a real one while Redis is down reports, never throws.
    await open.settle(served.ticket, { inputTokens: 1, outputTokens: 1 });
    if (before.allowed) await closed.settle(before.ticket, { inputTokens: 1, outputTokens: 1 });
    expect(openErrors).toEqual(['reserve']);

    await redis.restart();
    const recovered = await eventually(async () => {
      const [c, o] = await Promise.all([admit(closed), admit(open)]);
      return c.allowed && o.allowed && !o.ticket.degraded;
    });
    expect(recovered).toBe(true);
  });
});

/** Polls until `check` holds (ioredis reconnects within about a second); a waiting loop, not a timing assertion. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}
