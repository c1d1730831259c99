import { Injectable } from '@nestjs/common';

/** Whether the router is shutting down: readiness turns false so load balancers stop sending traffic. */
@Injectable()
export class ShutdownState {
  private draining = false;

  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }
}
