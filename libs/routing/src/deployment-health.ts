import type { CircuitState } from './routing-events.js';
import type { CooldownPolicy } from './routing-model.js';

/** A failed probe doubles the cooldown, up to this many times the configured one. */
export const MAX_COOLDOWN_FACTOR = 32;

/** What `DeploymentHealth.admit` hands out: settle it exactly once (success, failure or neutral). */
export interface HealthTicket {
  /** True when this request is the one half-open probe. */
  readonly probe: boolean;
  /** The health epoch at admission: results of requests admitted before the last opening are ignored. */
  readonly epoch: number;
}

export type HealthChange = { from: CircuitState; to: CircuitState; cooldownMs?: number } | undefined;

/**
 * The circuit breaker of one deployment (in memory, per replica). Time comes in as `now` (ms) on every call.
 * - closed: in rotation; `allowedFails` consecutive failures, or one failure with a Retry-After, open it for
 *   `max(retryAfter, cooldown)`.
 * - open: out of rotation until the cooldown ends; then exactly one request is admitted as the probe
 *   (half-open); every other caller sees it as out until that probe settles.
 * - half-open: the probe's success closes it (counters and cooldown reset); its failure opens it again for
 *   twice the previous cooldown (at most `MAX_COOLDOWN_FACTOR` times the configured one); a probe that is
 *   cancelled (client left) leaves it open-and-expired, so the next request probes.
 * Results of requests admitted before the circuit last opened do not change it (a slow success from before
 * the outage does not close it; their failures are already counted).
 */
export class DeploymentHealth {
  private state: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openUntil = 0;
  private currentCooldownMs = 0;
  private epoch = 0;

  constructor(private policy: CooldownPolicy) {}

  /** A reload may change the policy; the state is kept. */
  setPolicy(policy: CooldownPolicy): void {
    this.policy = policy;
  }

  circuitState(): CircuitState {
    return this.state;
  }

  /** Whether a request may be sent now (closed, or open with its cooldown over and no probe in flight). */
  isAvailable(now: number): boolean {
    if (this.state === 'closed') return true;
    return this.state === 'open' && now >= this.openUntil;
  }

  /** When an open deployment may next be probed (undefined when closed or a probe is in flight). */
  availableAt(): number | undefined {
    return this.state === 'open' ? this.openUntil : undefined;
  }

  /** Admits one request; undefined when it is out. An expired open circuit admits this one as its probe. */
  admit(now: number): { ticket: HealthTicket; change: HealthChange } | undefined {
    if (!this.isAvailable(now)) return undefined;
    if (this.state === 'closed') return { ticket: { probe: false, epoch: this.epoch }, change: undefined };
    this.state = 'half_open';
    return { ticket: { probe: true, epoch: this.epoch }, change: { from: 'open', to: 'half_open' } };
  }

  success(ticket: HealthTicket): HealthChange {
    if (ticket.probe && this.state === 'half_open' && ticket.epoch === this.epoch) return this.close('half_open');
    if (this.state === 'closed' && ticket.epoch === this.epoch) this.consecutiveFailures = 0;
    return undefined;
  }

  /** An upstream fault. `retryAfterMs`: the upstream asked for a pause (a 429 or 503 with Retry-After): open at once. */
  failure(ticket: HealthTicket, now: number, retryAfterMs?: number): HealthChange {
    if (ticket.epoch !== this.epoch) return undefined;
    if (ticket.probe && this.state === 'half_open') {
      const doubled = Math.min(this.currentCooldownMs * 2, this.policy.cooldownMs * MAX_COOLDOWN_FACTOR);
      return this.open('half_open', now, Math.max(doubled, retryAfterMs ?? 0));
    }
    if (this.state !== 'closed') return undefined;
    this.consecutiveFailures += 1;
    if (retryAfterMs !== undefined || this.consecutiveFailures >= this.policy.allowedFails) {
      return this.open('closed', now, Math.max(this.policy.cooldownMs, retryAfterMs ?? 0));
    }
    return undefined;
  }

  /** Neither success nor fault (the client left; a client error): a probe slot is freed, nothing else changes. */
  neutral(ticket: HealthTicket): HealthChange {
    if (ticket.probe && this.state === 'half_open' && ticket.epoch === this.epoch) {
      this.state = 'open';
      return { from: 'half_open', to: 'open' };
    }
    return undefined;
  }

  private open(from: CircuitState, now: number, cooldownMs: number): HealthChange {
    this.state = 'open';
    this.epoch += 1;
    this.currentCooldownMs = cooldownMs;
    this.openUntil = now + cooldownMs;
    this.consecutiveFailures = 0;
    return { from, to: 'open', cooldownMs };
  }

  private close(from: CircuitState): HealthChange {
    this.state = 'closed';
    this.epoch += 1;
    this.consecutiveFailures = 0;
    this.currentCooldownMs = 0;
    return { from, to: 'closed' };
  }
}
