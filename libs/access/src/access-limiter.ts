import { randomUUID } from 'node:crypto';
import type { IrUsage } from '@llm-router/core';
import type { AccessClock } from './access-clock.js';
import type { AccessDenied } from './access-decision.js';
import type { AccessPolicy } from './access-policy.js';
import type { BudgetSettings, ModelPricingSettings, OnStoreError, RateLimitSettings } from './access-settings.js';
import type { Caller } from './caller.js';
import type { LimitState, RateLimitNumbers } from './rate-limit-numbers.js';
import { LeaseKeeper } from './lease-keeper.js';
import type { CounterCharge, MaybePromise, ReserveResult, SettleEntry, StateStore } from './state-store.js';
import { MICRO_USD_PER_USD, usageCostMicroUsd, usageTokens } from './usage-cost.js';

/** rpm and tpm count in fixed windows of this length, aligned to the Unix epoch. */
export const MINUTE_MS = 60_000;

/** Extra life for counters past their window, so a late settle still finds them. */
const GC_SLACK_MS = 5_000;

/** Settle amounts of a request count and of an in-flight lease (shared: no closure per request). */
const ONE = (): number => 1;
const NOTHING = (): number => 0;

export interface AdmitRequest {
  caller: Caller;
  /** The router model name the client asked for (the key under `models`). */
  model: string;
  /** What admission reserves: the estimated prompt tokens and the request's output cap (`max_tokens`). */
  estimate: { inputTokens: number; maxOutputTokens: number };
}

/** What settling or releasing needs; opaque to the app. One per admitted request. */
export interface AccessTicket {
  readonly reservationId: string;
  readonly caller: string;
  readonly model: string;
  /** Set when admitted without the store (fail_open): settling then does nothing. */
  readonly degraded: boolean;
}

export interface AccessAdmitted {
  allowed: true;
  caller: Caller;
  ticket: AccessTicket;
  /** For the rate-limit headers of the answer (empty when no rpm/tpm limit applies). */
  rateLimit: RateLimitNumbers;
}

export type StoreOperationName = 'reserve' | 'settle' | 'extend';

export interface AccessLimiterOptions {
  clock: AccessClock;
  onError: OnStoreError;
  /** How long a reservation (tokens, budget, in-flight lease) lives unless settled, released or extended. */
  reservationTtlMs: number;
  /**
   * How often a request still running has its reservations extended (default: a third of the TTL, at least
   * 1 s), so a stream longer than the TTL keeps its max_parallel lease. One timer serves every request.
   */
  extendEveryMs?: number;
  /** Every store failure, in both `on_error` modes: the app logs it and counts it in a metric. */
  onStoreError?: (error: unknown, operation: StoreOperationName) => void;
  /** Reservation ids (default `crypto.randomUUID`). */
  newId?: () => string;
}

type Family = 'requests' | 'tokens' | 'parallel' | 'budget';

/** One counter a request touches, with how to settle it. */
interface Slot {
  family: Family;
  scope: 'caller' | 'model';
  charge: CounterCharge;
  windowEnd: number;
  /** The settle amount for a finished request. */
  settleWith: (usage: IrUsage) => number;
}

interface TicketState extends AccessTicket {
  slots: readonly Slot[];
  finished: boolean;
}

/**
 * How much: per-caller and per-model rpm, tpm, max_parallel and budgets, decided over a StateStore.
 *
 * - rpm counts each admitted request in a fixed 60 s window (exact: one atomic increment per request, the
 *   window start in the key). tpm reserves `inputTokens + maxOutputTokens` in the same kind of window and
 *   settles to the real usage. max_parallel holds a lease per request until it ends or lapses.
 * - Budgets count cost (micro-USD from the model's pricing) or tokens in fixed periods aligned to the Unix
 *   epoch (`1d` ends at 00:00 UTC; `30d` every 30 days since 1970-01-01). A request is admitted only if its
 *   estimate fits what is left; a stream that overruns is never cut, its real usage is charged and the next
 *   request pays.
 * - All of a request's counters are checked and charged in ONE store operation: either all or none.
 */
export class AccessLimiter {
  private readonly newId: () => string;
  private readonly leases: LeaseKeeper<TicketState>;

  constructor(
    private readonly policy: AccessPolicy,
    private readonly store: StateStore,
    private readonly options: AccessLimiterOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
    const extendEveryMs = options.extendEveryMs ?? Math.max(1_000, Math.floor(options.reservationTtlMs / 3));
    this.leases = new LeaseKeeper(extendEveryMs, options.clock, (ticket) => void this.extend(ticket));
  }

  /** Admitted requests not yet settled or released whose reservations the limiter keeps alive. */
  get running(): number {
    return this.leases.size;
  }

  /**
   * Only whether the caller may use the model (403 otherwise), counting nothing: for requests that generate
   * nothing upstream (token counting).
   */
  authorize(caller: Caller, model: string): AccessDenied | undefined {
    if (caller.policy.allows(model)) return undefined;
    return { allowed: false, reason: 'model_not_allowed', status: 403, message: `This key may not use the model "${model}".`, caller: caller.name };
  }

  /**
   * Decides and, when admitted, reserves: synchronously over a store that answers synchronously (memory),
   * else a promise. Every admitted ticket must end in `settle` or `release`; until then its reservations
   * are extended on the limiter's one timer.
   */
  admit(request: AdmitRequest): MaybePromise<AccessAdmitted | AccessDenied> {
    const { caller, model } = request;
    const refused = this.authorize(caller, model);
    if (refused !== undefined) return refused;
    const now = this.options.clock.now();
    const slots = this.slotsFor(request, now);
    const reservationId = this.newId();
    const ticket: TicketState = { reservationId, caller: caller.name, model, degraded: false, slots, finished: slots.length === 0 };
    if (slots.length === 0) return { allowed: true, caller, ticket, rateLimit: {} };
    let pending: MaybePromise<ReserveResult>;
    try {
      pending = this.store.reserve({ now, reservationId, expiresAt: now + this.options.reservationTtlMs, charges: slots.map((slot) => slot.charge) });
    } catch (error: unknown) {
      return this.storeFailed(error, ticket, caller);
    }
    if (pending instanceof Promise) {
      return pending.then(
        (result) => this.decided(result, ticket, caller, now),
        (error: unknown) => this.storeFailed(error, ticket, caller),
      );
    }
    return this.decided(pending, ticket, caller, now);
  }

  /** The request finished (answer sent or stream ended, or aborted with known usage): charge the real usage. */
  settle(ticket: AccessTicket, usage: IrUsage): Promise<void> {
    return this.finish(ticket, usage);
  }

  /** The request failed or the client left before any usage was known: give the reservations back (rpm stays counted). */
  release(ticket: AccessTicket): Promise<void> {
    return this.finish(ticket, undefined);
  }

  /**
   * Keeps a running request's reservations and lease alive for another `reservationTtlMs`. The limiter's
   * timer calls it for every admitted ticket; callers need not.
   */
  async extend(ticket: AccessTicket): Promise<void> {
    const state = ticket as TicketState;
    if (state.finished) return;
    const now = this.options.clock.now();
    const keys = state.slots.filter((slot) => slot.charge.mode === 'hold').map((slot) => slot.charge.key);
    try {
      await this.store.extend({ now, reservationId: state.reservationId, expiresAt: now + this.options.reservationTtlMs, keys });
    } catch (error: unknown) {
      this.options.onStoreError?.(error, 'extend');
    }
  }

  private decided(result: ReserveResult, ticket: TicketState, caller: Caller, now: number): AccessAdmitted | AccessDenied {
    const rateLimit = numbers(ticket.slots, result.totals);
    if (!result.admitted) return refusal(ticket.slots, result.totals, now, caller.name, rateLimit);
    this.leases.add(ticket, now);
    return { allowed: true, caller, ticket, rateLimit };
  }

  private storeFailed(error: unknown, ticket: TicketState, caller: Caller): AccessAdmitted | AccessDenied {
    this.options.onStoreError?.(error, 'reserve');
    if (this.options.onError === 'fail_open') {
      const degraded: TicketState = { ...ticket, degraded: true, finished: true };
      return { allowed: true, caller, ticket: degraded, rateLimit: {} };
    }
    return { allowed: false, reason: 'store_unavailable', status: 503, message: 'The rate-limit store is unavailable; try again shortly.', logDetail: `state store reserve failed: ${describe(error)}`, caller: caller.name };
  }

  /** Never throws; settling twice (or after a release) does nothing. A failed settle lapses with its reservations. */
  private async finish(ticket: AccessTicket, usage: IrUsage | undefined): Promise<void> {
    const state = ticket as TicketState;
    if (state.finished) return;
    state.finished = true;
    this.leases.delete(state);
    const now = this.options.clock.now();
    const entries: SettleEntry[] = [];
    for (const slot of state.slots) {
      if (slot.charge.mode !== 'hold') continue;
      const amount = usage === undefined ? 0 : slot.settleWith(usage);
      entries.push({ key: slot.charge.key, amount, ttlMs: Math.max(slot.windowEnd - now, 0) + GC_SLACK_MS });
    }
    if (entries.length === 0) return;
    try {
      const pending = this.store.settle({ now, reservationId: state.reservationId, entries });
      if (pending instanceof Promise) await pending;
    } catch (error: unknown) {
      this.options.onStoreError?.(error, 'settle');
    }
  }

  private slotsFor(request: AdmitRequest, now: number): Slot[] {
    const slots: Slot[] = [];
    const estimateTokens = Math.max(0, Math.ceil(request.estimate.inputTokens)) + Math.max(0, Math.ceil(request.estimate.maxOutputTokens));
    const caller = request.caller.policy;
    const model = this.policy.model(request.model);
    this.addLimits(slots, 'caller', `c:${caller.nameHash}`, caller.limits, estimateTokens, now);
    if (model !== undefined) this.addLimits(slots, 'model', `m:${model.nameHash}`, model.limits, estimateTokens, now);
    const budget = caller.budget;
    if (budget !== undefined) slots.push(this.budgetSlot(budget, model?.pricing, request.estimate, estimateTokens, caller.nameHash, now));
    return slots;
  }

  private budgetSlot(budget: BudgetSettings, pricing: ModelPricingSettings | undefined, estimate: AdmitRequest['estimate'], estimateTokens: number, nameHash: string, now: number): Slot {
    const start = Math.floor(now / budget.periodMs) * budget.periodMs;
    const end = start + budget.periodMs;
    const charge = (limit: number, amount: number): CounterCharge => ({
      key: `bud:c:${nameHash}:${budget.periodMs}:${start}`,
      limit,
      amount,
      mode: 'hold',
      ttlMs: end - now + this.options.reservationTtlMs + GC_SLACK_MS,
    });
    if (budget.usd === undefined) {
      return { family: 'budget', scope: 'caller', windowEnd: end, charge: charge(budget.tokens ?? 0, estimateTokens), settleWith: usageTokens };
    }
    // AccessPolicy refuses a USD budget on an unpriced model at boot; an unknown model costs nothing here.
    const cost = (usage: IrUsage): number => (pricing === undefined ? 0 : usageCostMicroUsd(usage, pricing));
    const estimated = cost({ inputTokens: Math.max(0, Math.ceil(estimate.inputTokens)), outputTokens: Math.max(0, Math.ceil(estimate.maxOutputTokens)) });
    return { family: 'budget', scope: 'caller', windowEnd: end, charge: charge(Math.round(budget.usd * MICRO_USD_PER_USD), estimated), settleWith: cost };
  }

  private addLimits(slots: Slot[], scope: 'caller' | 'model', id: string, limits: RateLimitSettings, estimateTokens: number, now: number): void {
    const start = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const end = start + MINUTE_MS;
    const windowTtl = end - now + this.options.reservationTtlMs + GC_SLACK_MS;
    if (limits.rpm !== undefined) {
      slots.push({ family: 'requests', scope, windowEnd: end, charge: { key: `rpm:${id}:${start}`, limit: limits.rpm, amount: 1, mode: 'count', ttlMs: end - now + GC_SLACK_MS }, settleWith: ONE });
    }
    if (limits.tpm !== undefined) {
      slots.push({ family: 'tokens', scope, windowEnd: end, charge: { key: `tpm:${id}:${start}`, limit: limits.tpm, amount: estimateTokens, mode: 'hold', ttlMs: windowTtl }, settleWith: usageTokens });
    }
    if (limits.maxParallel !== undefined) {
      const ttl = this.options.reservationTtlMs + GC_SLACK_MS;
      slots.push({ family: 'parallel', scope, windowEnd: now, charge: { key: `par:${id}`, limit: limits.maxParallel, amount: 1, mode: 'hold', ttlMs: ttl }, settleWith: NOTHING });
    }
  }
}

function numbers(slots: readonly Slot[], totals: readonly number[]): RateLimitNumbers {
  const result: RateLimitNumbers = {};
  slots.forEach((slot, index) => {
    if (slot.family !== 'requests' && slot.family !== 'tokens') return;
    const total = totals[index] ?? 0;
    // Refused: totals are as found, so "remaining" is what is left before this request.
    const state: LimitState = { limit: slot.charge.limit, remaining: Math.max(0, slot.charge.limit - total), resetAt: slot.windowEnd };
    const previous = result[slot.family];
    if (previous === undefined || state.remaining < previous.remaining) result[slot.family] = state;
  });
  return result;
}

function refusal(slots: readonly Slot[], totals: readonly number[], now: number, caller: string, rateLimit: RateLimitNumbers): AccessDenied {
  const failed = slots.filter((slot, index) => (totals[index] ?? 0) + slot.charge.amount > slot.charge.limit);
  const budget = failed.find((slot) => slot.family === 'budget');
  if (budget !== undefined) {
    return {
      allowed: false,
      reason: 'over_budget',
      status: 429,
      message: `The budget of this key is used up for the current period; it renews at ${new Date(budget.windowEnd).toISOString()}.`,
      caller,
      retryAfterSeconds: secondsUntil(budget.windowEnd, now),
      resetsAt: budget.windowEnd,
      rateLimit,
    };
  }
  const first = failed[0] ?? slots[0];
  const retryAfter = Math.max(...failed.map((slot) => (slot.family === 'parallel' ? 1 : secondsUntil(slot.windowEnd, now))), 1);
  const what = first === undefined ? 'requests' : describeLimit(first);
  return { allowed: false, reason: 'rate_limited', status: 429, message: `Rate limit reached: ${what}. Retry after ${retryAfter} s.`, caller, retryAfterSeconds: retryAfter, rateLimit, limitedBy: first?.family === 'tokens' ? 'tokens' : 'requests' };
}

function describeLimit(slot: Slot): string {
  const owner = slot.scope === 'caller' ? 'this key' : 'this model';
  switch (slot.family) {
    case 'requests':
      return `${slot.charge.limit} requests per minute for ${owner}`;
    case 'tokens':
      return slot.charge.amount > slot.charge.limit
        ? `this request (${slot.charge.amount} tokens with max_tokens) exceeds the ${slot.charge.limit} tokens per minute for ${owner}`
        : `${slot.charge.limit} tokens per minute for ${owner}`;
    case 'parallel':
      return `${slot.charge.limit} requests in flight for ${owner}`;
    case 'budget':
      return `the budget of ${owner}`;
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
