/** The time source of every access decision (ms since the Unix epoch). Injected so tests drive windows and expiry. */
export interface AccessClock {
  now(): number;
}

export const systemClock: AccessClock = { now: () => Date.now() };
