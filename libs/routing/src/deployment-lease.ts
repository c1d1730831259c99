/**
 * One request in flight to a deployment (counted by `least_busy`). The plan releases it when an attempt
 * fails; after a success the caller releases it when the answer has ended (stream included). Idempotent.
 */
export interface DeploymentLease {
  /** `fault: true`: the answer failed after content had gone out (a cut, a stall): counts against its health. */
  release(options?: { fault?: boolean }): void;
}
