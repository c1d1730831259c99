import type { CounterCharge, ExtendOperation, ReserveOperation, ReserveResult, SettleOperation, StateStore } from './state-store.js';

interface Counter {
  used: number;
  pending: number;
  /**
   * Reservation id -> amount and expiry. Every write deletes and re-inserts, and the limiter's expiries are
   * `now + its TTL`, so the map is normally in expiry order: the lapsed holds are a prefix, and purging
   * costs O(1) per lapsed hold instead of a walk over every request in flight. A write that breaks the
   * order (another TTL, a clock step back) clears `ordered`: purges then walk every hold until none is left.
   */
  holds: Map<string, { amount: number; expiresAt: number }>;
  ordered: boolean;
  /** The latest expiry written to `holds`. */
  lastExpiresAt: number;
  /** Garbage-collection time (by the injected clock). */
  gcAt: number;
}

export interface MemoryStateStoreOptions {
  /** Counters held at once. Beyond it, lapsed counters are swept; if still over, the oldest are dropped. */
  maxKeys: number;
}

/**
 * The state store for one replica: plain Maps, expiry by the operations' `now` (the limiter's injected clock).
 * Each operation runs to its end synchronously (no await, no promise), which makes it atomic in Node's single
 * thread and free of microtasks on the request path. A closed store throws.
 */
export class MemoryStateStore implements StateStore {
  private readonly counters = new Map<string, Counter>();
  private closed = false;

  constructor(private readonly options: MemoryStateStoreOptions) {}

  get size(): number {
    return this.counters.size;
  }

  reserve(operation: ReserveOperation): ReserveResult {
    this.assertOpen();
    const { now, charges } = operation;
    const counters: Counter[] = [];
    const totals: number[] = [];
    let admitted = true;
    for (const charge of charges) {
      const counter = this.counter(charge.key, now);
      purge(counter, now);
      const total = counter.used + counter.pending;
      if (total + charge.amount > charge.limit) admitted = false;
      counters.push(counter);
      totals.push(total);
    }
    if (admitted) {
      for (let index = 0; index < charges.length; index++) {
        const charge = charges[index] as CounterCharge;
        const counter = counters[index] as Counter;
        if (charge.mode === 'count') {
          counter.used += charge.amount;
        } else {
          const previous = counter.holds.get(operation.reservationId);
          counter.pending += charge.amount - (previous?.amount ?? 0);
          if (previous !== undefined) counter.holds.delete(operation.reservationId);
          setHold(counter, operation.reservationId, { amount: charge.amount, expiresAt: operation.expiresAt });
        }
        counter.gcAt = Math.max(counter.gcAt, now + charge.ttlMs);
        totals[index] = (totals[index] as number) + charge.amount;
        this.counters.set(charge.key, counter);
      }
      this.bound(now);
    }
    return { admitted, totals };
  }

  settle(operation: SettleOperation): void {
    this.assertOpen();
    for (const entry of operation.entries) {
      const counter = this.counter(entry.key, operation.now);
      const hold = counter.holds.get(operation.reservationId);
      if (hold !== undefined) {
        counter.holds.delete(operation.reservationId);
        counter.pending -= hold.amount;
        if (counter.holds.size === 0) resetOrder(counter);
      }
      counter.used += entry.amount;
      counter.gcAt = Math.max(counter.gcAt, operation.now + entry.ttlMs);
      if (counter.used > 0 || counter.holds.size > 0) this.counters.set(entry.key, counter);
    }
    this.bound(operation.now);
  }

  extend(operation: ExtendOperation): void {
    this.assertOpen();
    for (const key of operation.keys) {
      const counter = this.counters.get(key);
      const hold = counter?.holds.get(operation.reservationId);
      if (counter === undefined || hold === undefined || hold.expiresAt <= operation.now) continue;
      hold.expiresAt = operation.expiresAt;
      counter.holds.delete(operation.reservationId);
      setHold(counter, operation.reservationId, hold);
      counter.gcAt = Math.max(counter.gcAt, operation.expiresAt);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.counters.clear();
  }

  /** The live counter for a key, or a fresh one (not stored until something is written to it). */
  private counter(key: string, now: number): Counter {
    const existing = this.counters.get(key);
    if (existing !== undefined && existing.gcAt > now) return existing;
    if (existing !== undefined) this.counters.delete(key);
    return { used: 0, pending: 0, holds: new Map(), ordered: true, lastExpiresAt: 0, gcAt: now };
  }

  private bound(now: number): void {
    if (this.counters.size <= this.options.maxKeys) return;
    for (const [key, counter] of this.counters) if (counter.gcAt <= now) this.counters.delete(key);
    // Still over: drop the oldest-created counters (Map order). Their counts are lost, which only lets requests through.
    for (const key of this.counters.keys()) {
      if (this.counters.size <= this.options.maxKeys) break;
      this.counters.delete(key);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('memory state store is closed');
  }
}

/** Appends a hold, noting whether the map is still in expiry order. */
function setHold(counter: Counter, id: string, hold: { amount: number; expiresAt: number }): void {
  if (hold.expiresAt < counter.lastExpiresAt) counter.ordered = false;
  else counter.lastExpiresAt = hold.expiresAt;
  counter.holds.set(id, hold);
}

/** Drops the lapsed holds: the map's prefix while it is in expiry order, else every lapsed one. */
function purge(counter: Counter, now: number): void {
  for (const [id, hold] of counter.holds) {
    if (hold.expiresAt > now) {
      if (counter.ordered) return;
      continue;
    }
    counter.holds.delete(id);
    counter.pending -= hold.amount;
  }
  if (counter.holds.size === 0) resetOrder(counter);
}

function resetOrder(counter: Counter): void {
  counter.ordered = true;
  counter.lastExpiresAt = 0;
}
