import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type ClosedLoopResult } from './driver/closed-loop.js';
import { openLoop } from './driver/open-loop.js';
import { accessCostInProcess } from './driver/access-in-process.js';
import { median } from './driver/stats.js';
import { spawnRedis } from './driver/spawn-redis.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { warmUp } from './driver/warm-up.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat } from './setup/requests.js';
import { ACCESS_BLOCK, QUIET_ROUTER, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:access [-- --rounds N --seconds N]`
 *
 * What the access layer costs: the same router config three times: without `auth`; with a client key
 * (the Bearer the bench's requests send) carrying rpm, tpm, max_parallel and a token budget, counted in
 * memory; and the same key counted in a real redis-server (started here on a free loopback port; left
 * out, and said so, when `redis-server` is not installed). Limits are far above the load, so every
 * request is admitted and settled. Rounds interleave the routers (drift hits all alike).
 * - CPU: the median CPU µs per request of each router at 32 connections, non-streamed and streamed,
 *   and the difference to the router without auth (the budget: at most 30 µs, memory store).
 * - Latency: an open loop at a fixed low rate (no queueing), the median of each round's p50 time to the
 *   end of the answer, and the difference to the router without auth: with Redis that is the one
 *   round trip (one EVALSHA) admission costs before the upstream call; the settle after the answer is
 *   off the client's path.
 * - In process: the access layer alone (driver/access-in-process.ts: what AccessGuard does for an admitted
 *   request, memory store, 32 outstanding), CPU µs per request with its GC: the figure the 30 µs budget
 *   is judged on, since router-against-router differences on a shared 2-core machine move by ±30 µs.
 * Logging is off (`warn`) everywhere, so the difference is not drowned in log serialisation. Reported,
 * not enforced.
 */

const stateBlock = (redisUrl: string | undefined) => (redisUrl === undefined ? 'state:\n  store: memory\n' : `state:\n  store: redis\n  url: ${redisUrl}\n`);
const BUDGET_MICROS = 30;
const CONNECTIONS = 32;
const LATENCY_RATE = 100;

const argv = process.argv.slice(2);
const option = (flag: string, fallback: number) => {
  const at = argv.indexOf(flag);
  const value = at === -1 ? fallback : Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
  return value;
};
const rounds = option('--rounds', 5);
const seconds = option('--seconds', 4);
const runDir = path.join(RESULTS, `access-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(runDir, { recursive: true });
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const fixed = (values: readonly number[], digits: number) => values.map((v) => v.toFixed(digits)).join(', ');

async function main(): Promise<void> {
  const started: ServerProcess[] = [];
  try {
    const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
    started.push(upstream);
    const redis = await spawnRedis();
    if (redis === undefined) log('redis-server is not installed: the Redis rows are not measured');
    else started.push(redis);
    const setups: { name: string; extra: string }[] = [
      { name: 'no auth', extra: '' },
      { name: 'auth, memory', extra: ACCESS_BLOCK + stateBlock(undefined) },
      ...(redis === undefined ? [] : [{ name: 'auth, redis', extra: ACCESS_BLOCK + stateBlock(redis.origin) }]),
    ];
    const routers: ServerProcess[] = [];
    for (const { name, extra } of setups) {
      const file = name.replace(/[ ,]+/g, '-');
      const config = path.join(runDir, `${file}.yaml`);
      writeRouterConfig(config, upstream.origin, QUIET_ROUTER);
      appendFileSync(config, extra);
      const router = await spawnRouter(name, ROUTER_ENTRY, config, await freePort(), path.join(runDir, `${file}.log`));
      started.push(router);
      routers.push(router);
    }
    log(`warming up ${routers.length} routers (JIT)`);
    for (const router of routers) await warmUp(router.origin);

    const cpuLines: string[] = [];
    for (const stream of [false, true]) {
      const cpu = new Map<number, number[]>();
      for (let round = 1; round <= rounds; round++) {
        for (const router of routers) {
          log(`cpu ${stream ? 'stream' : 'json'}: ${router.name}, round ${round}/${rounds}`);
          const result: ClosedLoopResult = await closedLoop(openaiChat(router.origin, 'bench-openai', stream), CONNECTIONS, seconds, [router.pid], { warmup: round === 1 });
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${router.name}: ${result.non2xx} non-2xx and ${result.errors} errors (a refused request would skew the figure)`);
          cpu.set(router.pid, [...(cpu.get(router.pid) ?? []), result.cpuMicrosPerRequest[router.pid] ?? Number.NaN]);
        }
      }
      const base = median(cpu.get(routers[0]!.pid) ?? []);
      for (const router of routers) {
        const perRound = cpu.get(router.pid) ?? [];
        const added = median(perRound) - base;
        cpuLines.push(`| ${stream ? 'stream' : 'json'} | ${router.name} | ${median(perRound).toFixed(0)} (${fixed(perRound, 0)}) | ${router === routers[0] ? '' : added.toFixed(1)} |`);
      }
    }

    const p50s = new Map<number, number[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const router of routers) {
        log(`latency: ${router.name}, round ${round}/${rounds}`);
        const result = await openLoop(openaiChat(router.origin, 'bench-openai', false), LATENCY_RATE, seconds);
        if (result.failed > 0) throw new Error(`${router.name}: ${result.failed} failed requests in the latency run`);
        p50s.set(router.pid, [...(p50s.get(router.pid) ?? []), result.total.p50]);
      }
    }
    const baseP50 = median(p50s.get(routers[0]!.pid) ?? []);
    const latencyLines = routers.map((router) => {
      const perRound = p50s.get(router.pid) ?? [];
      return `| ${router.name} | ${median(perRound).toFixed(3)} (${fixed(perRound, 3)}) | ${router === routers[0] ? '' : (median(perRound) - baseP50).toFixed(3)} |`;
    });

    log('in process: the access layer alone');
    const inProcess = accessCostInProcess(rounds);
    const report = [
      `Access layer cost, ${rounds} interleaved rounds of ${seconds} s (median over rounds; each round in parentheses)${redis === undefined ? '; redis-server not installed: no Redis rows' : ''}`,
      '',
      `CPU µs per request at ${CONNECTIONS} connections:`,
      '',
      '| answer | router | CPU µs | added µs |',
      '|---|---|---|---|',
      ...cpuLines,
      '',
      `The access layer alone, in process (authenticate, admit, rate-limit headers, settle; memory store, 32 outstanding): ${inProcess.micros.toFixed(1)} µs CPU per request (${fixed(inProcess.perRound, 1)}): budget ≤ ${BUDGET_MICROS} µs ${inProcess.micros <= BUDGET_MICROS ? 'held' : 'NOT held'}.`,
      '',
      `Latency, open loop at ${LATENCY_RATE} req/s, p50 to the end of a non-streamed answer:`,
      '',
      '| router | p50 ms | added ms |',
      '|---|---|---|',
      ...latencyLines,
    ].join('\n');
    process.stdout.write(`${report}\n`);
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
