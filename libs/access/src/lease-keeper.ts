import type { AccessClock } from './access-clock.js';

/**
 * Keeps the reservations of requests still running alive, with ONE timer for all of them (not one per
 * request): every `everyMs / 2` it calls `extend` for each live ticket last extended `everyMs` or more ago,
 * so no reservation goes longer than 1.5 × `everyMs` unextended (the limiter picks `everyMs` as a third of
 * the reservation TTL). The timer is unref'd, starts with the first ticket and stops at the first tick that
 * finds none, so an idle or replaced limiter holds nothing.
 */
export class LeaseKeeper<T> {
  /** Live ticket -> when it was last extended (or admitted), by the injected clock. */
  private readonly live = new Map<T, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly everyMs: number,
    private readonly clock: AccessClock,
    private readonly extend: (ticket: T) => void,
  ) {}

  get size(): number {
    return this.live.size;
  }

  add(ticket: T, now: number): void {
    this.live.set(ticket, now);
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), Math.max(1, Math.floor(this.everyMs / 2)));
    this.timer.unref();
  }

  delete(ticket: T): void {
    this.live.delete(ticket);
  }

  private tick(): void {
    if (this.live.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = this.clock.now();
    for (const [ticket, extendedAt] of this.live) {
      if (now - extendedAt < this.everyMs) continue;
      this.live.set(ticket, now);
      this.extend(ticket);
    }
  }
}
