import type { AttemptOutcome } from './attempt-outcome.js';

/** The circuit state of one deployment: in rotation, out for its cooldown, or one probe in flight. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface AttemptEvent {
  model: string;
  deployment: string;
  /** 1 for the first attempt of the request. */
  attempt: number;
  outcome: AttemptOutcome<unknown>;
}

export interface FallbackEvent {
  /** The model given up on, and the one tried next. */
  from: string;
  to: string;
  /** `fallbacks`, or `context_window` for `context_window_fallbacks`. */
  kind: 'fallbacks' | 'context_window';
}

export interface CircuitEvent {
  model: string;
  deployment: string;
  from: CircuitState;
  to: CircuitState;
  /** Set when `to` is `open`: how long it is out. */
  cooldownMs?: number;
}

/**
 * Where the lib reports what it decided, for metrics and logs (the app adapts it to prom-client). Every
 * method is optional; a listener that throws is the caller's bug (nothing here catches).
 */
export interface RoutingListener {
  onAttempt?(event: AttemptEvent): void;
  onFallback?(event: FallbackEvent): void;
  onCircuitChange?(event: CircuitEvent): void;
}
