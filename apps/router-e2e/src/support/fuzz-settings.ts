import fc from 'fast-check';

/**
 * fast-check parameters for the fuzz specs: a fixed seed by default (so CI is reproducible; fast-check
 * prints the seed and the shrink path of any failure, to replay with FUZZ_SEED / FUZZ_PATH), `numRuns`
 * sized for a 2-core CI machine, and a wall-clock cap so a property (shrinking included) stays bounded.
 * Locally, FUZZ_RUNS=<n> runs longer (the time cap is then lifted) and FUZZ_SEED=random draws a new seed.
 */
export function fuzzParameters<T>(defaultRuns: number, timeLimitMs: number): fc.Parameters<T> {
  const runs = Number(process.env['FUZZ_RUNS'] ?? '');
  const seedText = process.env['FUZZ_SEED'] ?? '';
  const seed = seedText === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedText === '' ? 20_261_201 : Number(seedText);
  const path = process.env['FUZZ_PATH'];
  const longRun = Number.isInteger(runs) && runs > 0;
  return {
    seed,
    numRuns: longRun ? runs : defaultRuns,
    ...(path === undefined || path === '' ? {} : { path }),
    plugins: longRun ? [] : [fc.interruptAfterTimeLimit(timeLimitMs)],
  };
}

/** Jest's timeout for one fuzz test: `defaultMs`, or an hour when FUZZ_RUNS asks for a long run. */
export function fuzzTestTimeoutMs(defaultMs: number): number {
  const runs = Number(process.env['FUZZ_RUNS'] ?? '');
  return Number.isInteger(runs) && runs > 0 ? 3_600_000 : defaultMs;
}
