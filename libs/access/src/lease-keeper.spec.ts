import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { AccessLimiter } from './access-limiter.js';
import { AccessPolicy } from './access-policy.js';
import { LeaseKeeper } from './lease-keeper.js';
import { MemoryStateStore } from './memory-state-store.js';
import { sha256Hex } from './sha256-hex.js';
import type { ExtendOperation } from './state-store.js';

describe('LeaseKeeper', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  const clock = { now: () => Date.now() };

  it('extends each live ticket once it is everyMs old, with one timer for all of them', () => {
    const extended: string[] = [];
    const keeper = new LeaseKeeper<string>(1_000, clock, (ticket) => extended.push(`${ticket}@${Date.now()}`));
    keeper.add('a', 0);
    jest.advanceTimersByTime(400);
    keeper.add('b', 400);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(600); // t=1000: a is 1000 old, b 600
    expect(extended).toEqual(['a@1000']);
    jest.advanceTimersByTime(500); // t=1500: b is 1100 old
    expect(extended).toEqual(['a@1000', 'b@1500']);
    keeper.delete('a');
    jest.advanceTimersByTime(1_000); // t=2500: b last at 1500
    expect(extended).toEqual(['a@1000', 'b@1500', 'b@2500']);
  });

  it('never lets a ticket go more than 1.5 × everyMs unextended', () => {
    const at: number[] = [];
    const keeper = new LeaseKeeper<string>(1_000, clock, () => at.push(Date.now()));
    jest.advanceTimersByTime(1);
    keeper.add('late', 1);
    jest.advanceTimersByTime(10_000);
    const gaps = at.map((t, i) => t - (i === 0 ? 1 : (at[i - 1] as number)));
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1_500);
  });

  it('stops its timer at the first tick with no live ticket, and starts again with the next', () => {
    const keeper = new LeaseKeeper<string>(1_000, clock, () => undefined);
    keeper.add('a', 0);
    keeper.delete('a');
    jest.advanceTimersByTime(500);
    expect(jest.getTimerCount()).toBe(0);
    keeper.add('b', 500);
    expect(jest.getTimerCount()).toBe(1);
  });
});

describe('AccessLimiter keeps running requests alive', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('extends an admitted max_parallel lease on its own until the request is settled', async () => {
    const policy = new AccessPolicy({ auth: { keys: [{ name: 'k', keySha256: sha256Hex('sk-k-0123456789'), models: ['*'], limits: { maxParallel: 1 } }] }, models: { m: {} } });
    const store = new MemoryStateStore({ maxKeys: 100 });
    const extends_: ExtendOperation[] = [];
    const spied = Object.assign(Object.create(store) as MemoryStateStore, {
      extend: (operation: ExtendOperation) => {
        extends_.push(operation);
        store.extend(operation);
      },
    });
    const limiter = new AccessLimiter(policy, spied, { clock: { now: () => Date.now() }, onError: 'fail_closed', reservationTtlMs: 3_000 });
    const found = policy.keys.lookup('sk-k-0123456789');
    if (found === undefined) throw new Error('key not found');
    const caller = { name: 'k', via: 'key' as const, policy: found };
    const admit = () => limiter.admit({ caller, model: 'm', estimate: { inputTokens: 1, maxOutputTokens: 1 } });
    const first = await admit();
    if (!first.allowed) throw new Error('refused');
    expect(limiter.running).toBe(1);
    // Far past the 3 s TTL: the lease is still held, because the limiter extended it every second or so.
    jest.advanceTimersByTime(10_000);
    expect(extends_.length).toBeGreaterThanOrEqual(8);
    expect(await admit()).toMatchObject({ allowed: false, reason: 'rate_limited' });
    await limiter.settle(first.ticket, { inputTokens: 1, outputTokens: 1 });
    expect(limiter.running).toBe(0);
    const count = extends_.length;
    jest.advanceTimersByTime(10_000);
    expect(extends_.length).toBe(count);
    expect(await admit()).toMatchObject({ allowed: true });
  });
});
