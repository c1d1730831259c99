import { type AttemptOutcome, type FailedOutcome, failureClass } from './attempt-outcome.js';
import { chooseDeployment } from './choose-deployment.js';
import type { DeploymentEntry } from './deployment-entry.js';
import type { HealthChange, HealthTicket } from './deployment-health.js';
import type { DeploymentLease } from './deployment-lease.js';
import type { RoutingDeployment, RoutingModel } from './routing-model.js';
import type { RoutingState } from './routing-state.js';

/** Default bound on sends per request, whatever the retry budgets and fallback lists add up to. */
export const DEFAULT_MAX_ATTEMPTS = 12;
/** Default bound on the models one request may visit: the one asked for plus fallbacks, all kinds. */
export const DEFAULT_MAX_MODELS = 6;

export interface PlanOptions {
  /** Absolute time (the routing clock's scale) after which no attempt starts and no retry waits past. */
  deadlineAt?: number;
  maxAttempts?: number;
  maxModels?: number;
}

/** Why a plan gave up. */
export type GiveUpReason =
  /** A failure the client must see: a 4xx, or a status or class neither retried nor in `fallback_on`. */
  | 'not_retryable'
  /** A context-length error with no (more) `context_window_fallbacks`. */
  | 'context_length'
  | 'content_policy'
  /** Every deployment and fallback was tried as far as its budget allowed. */
  | 'exhausted'
  | 'max_attempts'
  | 'deadline'
  /** Nothing was sent: every deployment of the model and its fallbacks is out of rotation. */
  | 'unavailable';

export type PlanStep<D extends RoutingDeployment, E> =
  | {
      kind: 'attempt';
      model: RoutingModel<D>;
      deployment: D;
      /** 1 for the request's first send. */
      attempt: number;
      /** Wait this long before sending (a retry of the same deployment); 0 otherwise. */
      delayMs: number;
      lease: DeploymentLease;
    }
  | { kind: 'done'; model: RoutingModel<D>; deployment: D; lease: DeploymentLease }
  | {
      kind: 'give_up';
      reason: GiveUpReason;
      /** The last failure, to answer the client with (undefined when nothing was sent). */
      outcome?: FailedOutcome<E>;
      /** For `unavailable`: when the first deployment may be probed again, ms from now. */
      retryAfterMs?: number;
    };

/** One line of the request log per send. */
export interface AttemptRecord {
  model: string;
  deployment: string;
  startedAt: number;
  endedAt?: number;
  outcome?: AttemptOutcome<unknown>;
}

interface Context<D extends RoutingDeployment> {
  models: ReadonlyMap<string, RoutingModel<D>>;
  entries: ReadonlyMap<string, DeploymentEntry>;
  state: RoutingState<D>;
}

/** Per deployment, within this request. `avoid`: a silent upstream, retried only when nothing else is left. */
interface Usage {
  sends: number;
  lastDelayMs: number;
  done: boolean;
  avoid: boolean;
}

interface Current<D extends RoutingDeployment> {
  model: RoutingModel<D>;
  deployment: D;
  entry: DeploymentEntry;
  ticket: HealthTicket;
  lease: DeploymentLease;
  record: AttemptRecord;
}

/**
 * The attempt plan of one request: which deployment of which model to send to next, until one answers or
 * the plan gives up. Drive it as `let step = plan.start(); while (step.kind === 'attempt') { wait
 * step.delayMs; send; step = plan.settle(outcome) }`. Pure decisions over the injected clock and random
 * source; the caller does the I/O. The rules:
 * - choice per `chooseDeployment`, among the model's deployments in rotation (or probe-able) whose budget in
 *   this request (`retry.maxRetries + 1` sends each) is not used up;
 * - a failure in `fallback_on` moves on: to another deployment of the tier when there is one, else a retry
 *   of the same (with the caller's backoff) while its retry budget lasts and its status/class is retryable
 *   (`retry_status_codes`, network, timeout), else the next tier, else the next fallback model (breadth
 *   first: the model's own `fallbacks` in order, then theirs; each model at most once);
 * - a timeout (silent upstream) is not retried on the same deployment while another deployment or fallback exists;
 * - a retryable failure not in `fallback_on` is retried on the same deployment only, then given up;
 * - a context-length error switches to the model's `context_window_fallbacks` only (never resent to a model
 *   already tried); a content-policy error, and any status neither retryable nor in `fallback_on` (other
 *   4xx), give up at once; a 400 is never resent;
 * - while every deployment of a model is out of rotation it is skipped without a send;
 * - at most `maxAttempts` sends and `maxModels` models, and nothing starts (or waits) past `deadlineAt`.
 */
export class AttemptPlan<D extends RoutingDeployment, E = unknown> {
  readonly attempts: AttemptRecord[] = [];
  private readonly queue: RoutingModel<D>[] = [];
  private readonly visited = new Set<string>();
  private model: RoutingModel<D> | undefined;
  private usage = new Map<string, Usage>();
  /** Set by a retryable failure not in `fallback_on`: only this deployment may be sent to again. */
  private pinned: string | undefined;
  private current: Current<D> | undefined;
  private last: FailedOutcome<E> | undefined;
  private finished = false;
  private readonly maxAttempts: number;
  private readonly maxModels: number;

  constructor(
    primary: RoutingModel<D>,
    private readonly context: Context<D>,
    private readonly options: PlanOptions,
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.maxModels = Math.max(1, options.maxModels ?? DEFAULT_MAX_MODELS);
    this.enter(primary);
  }

  /** The model of the current or last attempt: the one that answered after a `done`. */
  get activeModel(): RoutingModel<D> | undefined {
    return this.current?.model ?? this.model;
  }

  start(): PlanStep<D, E> {
    return this.advance();
  }

  /** Reports how the attempt of the last `attempt` step ended, and returns the next step. */
  settle(outcome: AttemptOutcome<E>): PlanStep<D, E> {
    const current = this.current;
    if (current === undefined || this.finished) throw new Error('routing: settle() without an attempt in flight');
    const now = this.context.state.clock.now();
    current.record.endedAt = now;
    current.record.outcome = outcome;
    this.context.state.listener.onAttempt?.({ model: current.model.name, deployment: current.deployment.label, attempt: this.attempts.length, outcome });
    if (outcome.kind === 'success') {
      if (outcome.firstByteMs !== undefined) current.entry.recordLatency(outcome.firstByteMs);
      this.emit(current, current.entry.health.success(current.ticket));
      this.finished = true;
      return { kind: 'done', model: current.model, deployment: current.deployment, lease: current.lease };
    }
    this.current = undefined;
    current.lease.release();
    this.last = outcome;
    this.recordHealth(current, outcome, now);
    return this.decide(current, outcome);
  }

  /** The client left: the attempt in flight counts for nothing and nothing more is sent. */
  cancel(): void {
    const current = this.current;
    this.finished = true;
    if (current === undefined) return;
    this.current = undefined;
    current.lease.release();
    this.emit(current, current.entry.health.neutral(current.ticket));
  }

  private recordHealth(current: Current<D>, outcome: FailedOutcome<E>, now: number): void {
    const health = current.entry.health;
    if (isUpstreamFault(outcome)) {
      const retryAfterMs = outcome.kind === 'status' && outcome.status === 429 ? outcome.retryAfterMs : undefined;
      this.emit(current, health.failure(current.ticket, now, retryAfterMs));
    } else if (outcome.kind === 'context_length' || outcome.kind === 'content_policy') {
      // The upstream is alive and answering: these are about the request.
      this.emit(current, health.success(current.ticket));
    } else {
      this.emit(current, health.neutral(current.ticket));
    }
  }

  private decide(current: Current<D>, outcome: FailedOutcome<E>): PlanStep<D, E> {
    const model = current.model;
    const usage = this.usageOf(current.deployment.key);
    if (outcome.kind === 'content_policy') return this.giveUp('content_policy');
    if (outcome.kind === 'context_length') {
      this.queue.length = 0;
      for (const name of model.contextWindowFallbacks) this.enqueue(name, model.name, 'context_window');
      this.model = undefined;
      if (this.queue.length === 0) return this.giveUp('context_length');
      return this.advance('context_length');
    }
    const cls = failureClass(outcome);
    const inFallbackOn = cls !== undefined && model.routing.fallbackOn.includes(cls);
    const status = outcome.kind === 'status' ? outcome.status : undefined;
    const retryable = status === 400 ? false : cls === 'timeout' || cls === 'network' || (status !== undefined && current.deployment.retry.retryStatusCodes.includes(status));
    if (!inFallbackOn && !retryable) return this.giveUp('not_retryable');
    if (!inFallbackOn) {
      // Retried, but the operator did not ask to move on for it: this deployment only.
      this.pinned = current.deployment.key;
    } else if (!retryable) {
      usage.done = true;
    } else if (cls === 'timeout') {
      usage.avoid = true;
    }
    return this.advance();
  }

  private advance(reasonIfEmpty: GiveUpReason = 'exhausted'): PlanStep<D, E> {
    const clock = this.context.state.clock;
    for (;;) {
      if (this.attempts.length >= this.maxAttempts) return this.giveUp('max_attempts');
      const now = clock.now();
      if (this.options.deadlineAt !== undefined && now >= this.options.deadlineAt) return this.giveUp('deadline');
      if (this.model === undefined) {
        const next = this.queue.shift();
        if (next === undefined) return this.giveUp(this.attempts.length === 0 ? 'unavailable' : reasonIfEmpty);
        this.model = next;
        this.usage = new Map();
      }
      const model = this.model;
      const step = this.tryModel(model, now);
      if (step !== undefined) return step;
      // Nothing (more) to send to this model: on to its fallbacks, unless a pinned retry ran out.
      if (this.pinned !== undefined) return this.giveUp('exhausted');
      for (const name of model.fallbacks) this.enqueue(name, model.name, 'fallbacks');
      this.model = undefined;
    }
  }

  private tryModel(model: RoutingModel<D>, now: number): PlanStep<D, E> | undefined {
    const { entries, state } = this.context;
    const eligible = model.deployments.filter((deployment) => {
      if (this.pinned !== undefined && deployment.key !== this.pinned) return false;
      const entry = entries.get(deployment.key);
      const usage = this.usageOf(deployment.key);
      return entry !== undefined && !usage.done && usage.sends < deployment.retry.maxRetries + 1 && entry.health.isAvailable(now);
    });
    const preferred = eligible.filter((d) => !this.usageOf(d.key).avoid);
    const fallbacksLeft = model.fallbacks.some((name) => !this.visited.has(name) && this.context.models.has(name)) || this.queue.length > 0;
    const candidates = preferred.length > 0 || fallbacksLeft ? preferred : eligible;
    const index = chooseDeployment(
      candidates.map((d) => {
        const entry = entries.get(d.key)!;
        return { weight: d.weight, priority: d.priority, inFlight: entry.inFlight, latencyMs: entry.latencyMs, tried: this.usageOf(d.key).sends > 0 };
      }),
      model.loadBalancing,
      state.random,
    );
    if (index === undefined) return undefined;
    const deployment = candidates[index]!;
    const entry = entries.get(deployment.key)!;
    const usage = this.usageOf(deployment.key);
    let delayMs = 0;
    if (usage.sends > 0) {
      const retryAfterMs = this.last?.kind === 'status' ? this.last.retryAfterMs : undefined;
      delayMs = Math.max(0, state.options.retryDelayMs({ deployment, retryIndex: usage.sends - 1, previousDelayMs: usage.lastDelayMs, ...(retryAfterMs !== undefined && { retryAfterMs }) }));
      if (this.options.deadlineAt !== undefined && now + delayMs >= this.options.deadlineAt) {
        usage.done = true;
        return this.tryModel(model, now);
      }
      usage.lastDelayMs = delayMs;
    }
    const admitted = entry.health.admit(now);
    if (admitted === undefined) return undefined;
    usage.sends += 1;
    entry.inFlight += 1;
    const lease = this.leaseFor(entry, admitted.ticket);
    const record: AttemptRecord = { model: model.name, deployment: deployment.label, startedAt: now + delayMs };
    this.attempts.push(record);
    this.current = { model, deployment, entry, ticket: admitted.ticket, lease, record };
    this.emit(this.current, admitted.change);
    return { kind: 'attempt', model, deployment, attempt: this.attempts.length, delayMs, lease };
  }

  private leaseFor(entry: DeploymentEntry, ticket: HealthTicket): DeploymentLease {
    let released = false;
    return {
      release: (options) => {
        if (released) return;
        released = true;
        entry.inFlight -= 1;
        if (options?.fault === true) {
          const change = entry.health.failure(ticket, this.context.state.clock.now());
          if (change !== undefined) this.context.state.listener.onCircuitChange?.({ model: entry.model, deployment: entry.label, ...change });
        }
      },
    };
  }

  private enter(model: RoutingModel<D>): void {
    this.visited.add(model.name);
    this.queue.push(model);
  }

  private enqueue(name: string, from: string, kind: 'fallbacks' | 'context_window'): void {
    const model = this.context.models.get(name);
    if (model === undefined || this.visited.has(name) || this.visited.size >= this.maxModels) return;
    this.context.state.listener.onFallback?.({ from, to: name, kind });
    this.enter(model);
  }

  private usageOf(key: string): Usage {
    let usage = this.usage.get(key);
    if (usage === undefined) {
      usage = { sends: 0, lastDelayMs: 0, done: false, avoid: false };
      this.usage.set(key, usage);
    }
    return usage;
  }

  private emit(current: Pick<Current<D>, 'model' | 'deployment'>, change: HealthChange): void {
    if (change !== undefined) this.context.state.listener.onCircuitChange?.({ model: current.model.name, deployment: current.deployment.label, ...change });
  }

  private giveUp(reason: GiveUpReason): PlanStep<D, E> {
    this.finished = true;
    if (reason === 'unavailable') {
      const now = this.context.state.clock.now();
      const keys = [...this.visited].flatMap((name) => this.context.models.get(name)?.deployments.map((d) => d.key) ?? []);
      const soonest = Math.min(...keys.flatMap((key) => this.context.entries.get(key)?.health.availableAt() ?? []));
      return { kind: 'give_up', reason, ...(Number.isFinite(soonest) && { retryAfterMs: Math.max(0, soonest - now) }) };
    }
    return { kind: 'give_up', reason, ...(this.last !== undefined && { outcome: this.last }) };
  }
}

/** Failures that count against a deployment's health: it did not answer, or answered 5xx / 429 / 408. */
export function isUpstreamFault(outcome: FailedOutcome<unknown>): boolean {
  if (outcome.kind !== 'status') return outcome.kind !== 'context_length' && outcome.kind !== 'content_policy';
  return outcome.status >= 500 || outcome.status === 429 || outcome.status === 408;
}
