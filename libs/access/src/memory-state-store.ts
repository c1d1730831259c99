import type { ExtendOperation, ReserveOperation, ReserveResult, SettleOperation, StateStore } from './state-store.js';

interface Counter {
  used: number;
  pending: number;
  /** Reservation id -> amount and expiry. */
  holds: Map<string, { amount: number; expiresAt: number }>;
  /** Garbage-collection time (by the injected clock). */
  gcAt: number;
}

export interface MemoryStateStoreOptions {
  /** Counters held at once. Beyond it, lapsed counters are swept; if still over, the oldest are dropped. */
  maxKeys: number;
}

/**
 * The state store for one replica: plain Maps, expiry by the operations' `now` (the limiter's injected clock).
 * Each operation runs to its end without an await, which makes it atomic in Node's single thread.
 */
export class MemoryStateStore implements StateStore {
  private readonly counters = new Map<string, Counter>();
  private closed = false;

  constructor(private readonly options: MemoryStateStoreOptions) {}

  get size(): number {
    return this.counters.size;
  }

  async reserve(operation: ReserveOperation): Promise<ReserveResult> {
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
      charges.forEach((charge, index) => {
        const counter = counters[index] as Counter;
        if (charge.mode === 'count') {
          counter.used += charge.amount;
        } else {
          const previous = counter.holds.get(operation.reservationId);
          counter.pending += charge.amount - (previous?.amount ?? 0);
          counter.holds.set(operation.reservationId, { amount: charge.amount, expiresAt: operation.expiresAt });
        }
        counter.gcAt = Math.max(counter.gcAt, now + charge.ttlMs);
        totals[index] = (totals[index] as number) + charge.amount;
        this.counters.set(charge.key, counter);
      });
      this.bound(now);
    }
    return { admitted, totals };
  }

  async settle(operation: SettleOperation): Promise<void> {
    this.assertOpen();
    for (const entry of operation.entries) {
      const counter = this.counter(entry.key, operation.now);
      const hold = counter.holds.get(operation.reservationId);
      if (hold !== undefined) {
        counter.holds.delete(operation.reservationId);
        counter.pending -= hold.amount;
      }
      counter.used += entry.amount;
      counter.gcAt = Math.max(counter.gcAt, operation.now + entry.ttlMs);
      if (counter.used > 0 || counter.holds.size > 0) this.counters.set(entry.key, counter);
    }
    this.bound(operation.now);
  }

  async extend(operation: ExtendOperation): Promise<void> {
    this.assertOpen();
    for (const key of operation.keys) {
      const counter = this.counters.get(key);
      const hold = counter?.holds.get(operation.reservationId);
      if (counter === undefined || hold === undefined || hold.expiresAt <= operation.now) continue;
      hold.expiresAt = operation.expiresAt;
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
    return { used: 0, pending: 0, holds: new Map(), gcAt: now };
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

function purge(counter: Counter, now: number): void {
  if (counter.holds.size === 0) return;
  for (const [id, hold] of counter.holds) {
    if (hold.expiresAt <= now) {
      counter.holds.delete(id);
      counter.pending -= hold.amount;
    }
  }
}
