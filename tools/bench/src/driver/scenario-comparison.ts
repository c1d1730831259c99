import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type LoadRequest } from './closed-loop.js';
import { median } from './stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './spawn-server.js';
import { warmUp } from './warm-up.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from '../setup/paths.js';
import { QUIET_ROUTER, writeRouterConfig } from '../setup/router-config.js';

export const CONNECTIONS = 32;

export interface Scenario {
  name: string;
  request: (origin: string) => LoadRequest;
}

export interface Comparison {
  rounds: number;
  seconds: number;
  /** Median router CPU µs per request of a scenario. */
  of(name: string): number;
  /** Each round's figure of a scenario. */
  perRound(name: string): number[];
  /** `a / b`, with the budget's verdict, as a report line fragment. */
  verdict(a: string, b: string, budget: number): string;
  /** The Markdown table of every scenario. */
  table(): string[];
}

/**
 * One router (logging off, the bench config plus `extraModels(upstreamOrigin)`) on the mock upstream, each scenario run in
 * interleaved rounds (`--rounds`, `--seconds` from argv) at 32 connections, the router's CPU µs per request
 * kept per round. Shared by the commands that compare scenarios on one router (bench:responses, bench:routing).
 */
export async function compareScenarios(label: string, scenarios: readonly Scenario[], extraModels: (upstream: string) => string = () => ''): Promise<Comparison> {
  const argv = process.argv.slice(2);
  const option = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    const value = at === -1 ? fallback : Number(argv[at + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
    return value;
  };
  const rounds = option('--rounds', 5);
  const seconds = option('--seconds', 4);
  const runDir = path.join(RESULTS, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(runDir, { recursive: true });
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const started: ServerProcess[] = [];
  const cpu = new Map<string, number[]>();
  try {
    const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
    started.push(upstream);
    const config = path.join(runDir, 'router.yaml');
    writeRouterConfig(config, upstream.origin, QUIET_ROUTER, extraModels(upstream.origin));
    const router = await spawnRouter('router', ROUTER_ENTRY, config, await freePort(), path.join(runDir, 'router.log'));
    started.push(router);
    log('warming up (JIT)');
    await warmUp(router.origin);
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        log(`${scenario.name}, round ${round}/${rounds}`);
        const result = await closedLoop(scenario.request(router.origin), CONNECTIONS, seconds, [router.pid], { warmup: round === 1 });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${scenario.name}: ${result.non2xx} non-2xx and ${result.errors} errors`);
        cpu.set(scenario.name, [...(cpu.get(scenario.name) ?? []), result.cpuMicrosPerRequest[router.pid] ?? Number.NaN]);
      }
    }
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
  const perRound = (name: string) => cpu.get(name) ?? [];
  const of = (name: string) => median(perRound(name));
  return {
    rounds,
    seconds,
    of,
    perRound,
    verdict: (a, b, budget) => {
      const value = of(a) / of(b);
      return `${value.toFixed(2)}x (budget ≤ ${budget}x: ${value <= budget ? 'held' : 'NOT held'})`;
    },
    table: () => ['| scenario | CPU µs |', '|---|---|', ...scenarios.map(({ name }) => `| ${name} | ${of(name).toFixed(0)} (${perRound(name).map((v) => v.toFixed(0)).join(', ')}) |`)],
  };
}

/** Runs a bench command's main, printing a failure and setting the exit code. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
