// The shared state every limit is counted in. Each operation is ONE atomic step over all the counters it
// names (in Redis: one Lua script, one round trip), so concurrent requests on any number of replicas can
// never together pass a limit, and a refused request changes nothing.
//
// A counter holds `used` (final amounts) plus `pending` reservations, each with an expiry. Its total is
// used + the pending reservations not yet expired. Window rollover is by key: the caller puts the window's
// start in the key, so a new window is a new counter and nothing is ever reset by a write that could lose
// a concurrent increment. Times are the caller's clock (`now`), so every replica must keep NTP time; a skew
// shifts window edges and expiries by that skew, nothing more.
//
// A store that decides in-process (memory) answers synchronously: the limiter then admits without a single
// microtask, so the request path of one replica pays no promise machinery. Remote stores return promises.

/** A value, or a promise of it (`await` takes both). */
export type MaybePromise<T> = T | Promise<T>;

export interface CounterCharge {
  /** The counter's key, unique per limit and window; the store adds its namespace. */
  key: string;
  /** Admit only if total + amount <= limit. */
  limit: number;
  /** A non-negative integer. */
  amount: number;
  /** `count`: added to `used` at once (request counts). `hold`: a pending reservation, settled or released later. */
  mode: 'count' | 'hold';
  /** How long the counter must survive (window end plus the reservation TTL): garbage collection only. */
  ttlMs: number;
}

export interface ReserveOperation {
  now: number;
  /** Unique per request; names its `hold` reservations. */
  reservationId: string;
  /** When the `hold` reservations lapse if neither settled, released nor extended. */
  expiresAt: number;
  charges: readonly CounterCharge[];
}

export interface ReserveResult {
  admitted: boolean;
  /** Per charge, in order: the counter's total after this operation (admitted) or as found (refused). */
  totals: number[];
}

export interface SettleEntry {
  key: string;
  /** Added to `used` (0 releases the reservation without charging anything). */
  amount: number;
  ttlMs: number;
}

export interface SettleOperation {
  now: number;
  reservationId: string;
  /** Removes the reservation from each counter and adds `amount` to its `used`, even if the reservation lapsed. */
  entries: readonly SettleEntry[];
}

export interface ExtendOperation {
  now: number;
  reservationId: string;
  expiresAt: number;
  /** Counters whose reservation of this id gets the new expiry (a lapsed reservation stays lapsed). */
  keys: readonly string[];
}

export interface StateStore {
  reserve(operation: ReserveOperation): MaybePromise<ReserveResult>;
  settle(operation: SettleOperation): MaybePromise<void>;
  extend(operation: ExtendOperation): MaybePromise<void>;
  /** Releases connections; further operations reject. */
  close(): Promise<void>;
}
