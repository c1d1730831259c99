/** Milliseconds on any monotonic or wall scale; only differences matter. Injected so tests drive time. */
export interface RoutingClock {
  now(): number;
}

/** A number in [0, 1), like Math.random. Injected so tests choose deterministically. */
export type RandomSource = () => number;

export const systemRoutingClock: RoutingClock = { now: () => Date.now() };

export const systemRandom: RandomSource = () => Math.random();
