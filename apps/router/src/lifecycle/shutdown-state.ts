import { Injectable } from '@nestjs/common';
import { RouterError } from '@llm-router/core';

/**
 * Whether the router is shutting down (readiness turns false so load balancers stop sending traffic),
 * and the streams still open, so the end of the grace period can close each with an in-band error in
 * its client's format rather than cutting the connection silently.
 */
@Injectable()
export class ShutdownState {
  private draining = false;
  private readonly openStreams = new Set<(error: RouterError) => void>();

  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Registers a stream's closer; call the returned function when the stream ends. */
  trackStream(close: (error: RouterError) => void): () => void {
    this.openStreams.add(close);
    return () => this.openStreams.delete(close);
  }

  /** Ends every stream still open with an in-band error; returns how many there were. */
  closeOpenStreams(): number {
    const count = this.openStreams.size;
    const error = new RouterError('overloaded', 'the router is shutting down and its grace period is over; retry the request');
    for (const close of [...this.openStreams]) close(error);
    this.openStreams.clear();
    return count;
  }
}
