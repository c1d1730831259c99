import { DeploymentHealth } from './deployment-health.js';
import type { CooldownPolicy } from './routing-model.js';

/** Weight of the newest sample in the decayed time-to-first-byte average of `latency`. */
export const LATENCY_DECAY = 0.3;

/** What a replica remembers of one deployment across requests (and reloads, by key). */
export class DeploymentEntry {
  readonly health: DeploymentHealth;
  inFlight = 0;
  latencyMs: number | undefined;

  constructor(
    public model: string,
    public label: string,
    cooldown: CooldownPolicy,
  ) {
    this.health = new DeploymentHealth(cooldown);
  }

  recordLatency(ms: number): void {
    this.latencyMs = this.latencyMs === undefined ? ms : this.latencyMs * (1 - LATENCY_DECAY) + ms * LATENCY_DECAY;
  }
}
