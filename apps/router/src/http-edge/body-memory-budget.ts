/**
 * The bytes of request bodies the router holds at once, bounded by `limitBytes`. Single-threaded: a
 * reservation either fits whole or is refused, so the sum never exceeds the limit.
 */
export class BodyMemoryBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  get inUseBytes(): number {
    return this.used;
  }

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.limitBytes) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/**
 * One request's share of the budget: what it reserved so far (the declared Content-Length at arrival,
 * or the chunks of a chunked body as they come). `releaseAll` is idempotent and ends the reservation:
 * chunks that still arrive after it (a body read after the answer was sent) reserve nothing, so the
 * budget cannot leak.
 */
export class BodyReservation {
  private held = 0;
  private ended = false;

  constructor(private readonly budget: BodyMemoryBudget) {}

  get heldBytes(): number {
    return this.held;
  }

  tryAdd(bytes: number): boolean {
    if (this.ended) return true;
    if (!this.budget.tryReserve(bytes)) return false;
    this.held += bytes;
    return true;
  }

  releaseAll(): void {
    this.budget.release(this.held);
    this.held = 0;
    this.ended = true;
  }
}
