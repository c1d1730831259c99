import { Injectable } from '@nestjs/common';
import { RouterError } from '@llm-router/core';

/**
 * Whether the router is shutting down (readiness turns false so load balancers stop sending traffic),
 * and what is still in flight, so the end of the grace period answers each in its client's format
 * rather than cutting the connection silently: open streams end with an in-band error, requests still
 * waiting for their answer (non-streamed, typically on an upstream) get a 503.
 */
@Injectable()
export class ShutdownState {
  private draining = false;
  private readonly openStreams = new Set<(error: RouterError) => void>();
  private readonly waitingRequests = new Set<(error: RouterError) => boolean>();

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

  /**
   * Registers a request's answerer; call the returned function when its response ends. `answer` sends
   * the error when nothing was sent yet and returns whether it did (a request that became a stream, or
   * whose answer is being written, is left alone).
   */
  trackRequest(answer: (error: RouterError) => boolean): () => void {
    this.waitingRequests.add(answer);
    return () => this.waitingRequests.delete(answer);
  }

  /** Ends every stream still open with an in-band error; returns how many there were. */
  closeOpenStreams(): number {
    const count = this.openStreams.size;
    const error = shuttingDown();
    for (const close of [...this.openStreams]) close(error);
    this.openStreams.clear();
    return count;
  }

  /** Answers every request still waiting with a 503 in its client's format; returns how many were answered. */
  answerWaitingRequests(): number {
    const error = shuttingDown();
    let answered = 0;
    for (const answer of [...this.waitingRequests]) if (answer(error)) answered++;
    this.waitingRequests.clear();
    return answered;
  }
}

function shuttingDown(): RouterError {
  return new RouterError('overloaded', 'the router is shutting down and its grace period is over; retry the request');
}
