import { RouterError, type IrStreamEvent, type StreamDecoder } from '@llm-router/core';
import fc from 'fast-check';

// The shared half of the codec fuzz properties (libs/openai, libs/anthropic, libs/ollama: codec.fuzz.spec.ts):
// odd JSON, deep JSON, fixture mutations, and the two oracles. Every decode entry point must return a
// JSON-serialisable value or throw a RouterError, never a TypeError/RangeError; a stream decoder must end
// in finish or error. No test framework here: the oracles throw, which fast-check reports with the
// minimised input.

/**
 * fast-check parameters of every codec property: a fixed seed (printed with any counterexample) and 1,000
 * runs; `FUZZ_SEED` / `FUZZ_RUNS` in `env` (the spec passes process.env) replay or go further.
 */
export function fuzzParams(env: Readonly<Record<string, string | undefined>>): { seed: number; numRuns: number } {
  return { seed: Number(env['FUZZ_SEED'] ?? '') || 20_261_201, numRuns: Number(env['FUZZ_RUNS'] ?? '') || 1000 };
}

/** Keys aimed at prototype pollution and at field names echoed into messages and headers. */
const oddKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'a\r\nb', 'é', '\u0000'), fc.string({ unit: 'binary', maxLength: 8 }));
/** Leaves of every JSON type, with the values JSON.parse produces from odd text (1e400 -> Infinity is not JSON, -0 is). */
const oddLeaf = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1e308, 2 ** 53 + 1, 0.5, '', '\u0000', '\ud800', 'x\udfff', 'a\r\nb', 'é日本', 'NaN', 'Infinity', '-0', '1e400'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
/** Small JSON values of odd leaves; objects may carry own `__proto__` keys (as JSON.parse makes them). */
export const oddJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;
/**
 * Nesting up to 5,000 deep (recursive walkers overflow the stack). Reported as `nested N deep`: fast-check's
 * own printer would overflow on it too and lose the counterexample.
 */
export const deepJson = fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.boolean()).map(([depth, asArray]) => {
  const value: unknown = JSON.parse(asArray ? `${'['.repeat(depth)}0${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`);
  return Object.defineProperty(value, fc.toStringMethod, { value: () => `<${asArray ? 'arrays' : 'objects'} nested ${depth} deep>` });
});
export const replacement = fc.oneof({ weight: 5, arbitrary: oddJson }, { weight: 1, arbitrary: deepJson });

/** `base` with the value at a random path (indexes taken modulo each container's size) replaced. */
function mutate(base: unknown, steps: readonly number[], value: unknown): unknown {
  if (steps.length === 0 || typeof base !== 'object' || base === null) return value;
  const [step = 0, ...rest] = steps;
  if (Array.isArray(base)) {
    if (base.length === 0) return [value];
    const copy = [...base];
    copy[step % copy.length] = mutate(copy[step % copy.length], rest, value);
    return copy;
  }
  const entries = Object.entries(base as Record<string, unknown>);
  if (entries.length === 0) return value;
  const at = step % entries.length;
  return Object.fromEntries(entries.map(([k, v], i) => [k, i === at ? mutate(v, rest, value) : v]));
}
const mutationOf = (fixtures: readonly unknown[]) =>
  fc.tuple(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 6 }), replacement).map(([base, steps, value]) => mutate(base, steps, value));
export const inputs = (fixtures: readonly unknown[]) => fc.oneof({ weight: 4, arbitrary: mutationOf(fixtures) }, { weight: 1, arbitrary: replacement });

/** Runs `entry`: a JSON-serialisable value or a RouterError; anything else fails with its class and message. */
export function totalOrRouterError(entry: () => unknown): void {
  let value: unknown;
  try {
    value = entry();
  } catch (error) {
    if (error instanceof RouterError) return;
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a RouterError`);
  }
  JSON.stringify(value); // throws for what is not JSON-serialisable (BigInt, cycles)
}

/** A stream decoder fed `bytes` cut at `cuts`: the events, or only RouterErrors; it must end in finish or error. */
export function decodeStream(decoder: StreamDecoder, bytes: Buffer, cuts: readonly number[]): void {
  const events: IrStreamEvent[] = [];
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  totalOrRouterError(() => {
    for (const to of [...points, bytes.length]) {
      events.push(...decoder.push(bytes.subarray(from, to)));
      from = to;
    }
    events.push(...decoder.end());
    return events.map((e) => e.type);
  });
  const last = events.at(-1)?.type;
  if (last !== undefined && last !== 'finish' && last !== 'error') throw new Error(`the stream's last event is ${last}, not finish or error`);
}
