import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type ClosedLoopResult } from './driver/closed-loop.js';
import { median } from './driver/stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { warmUp } from './driver/warm-up.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat } from './setup/requests.js';
import { QUIET_ROUTER, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:access [-- --rounds N --seconds N]`
 *
 * What the access layer costs: the same router config twice, once without `auth` and once with a client
 * key (the Bearer the bench's requests send) with rpm, tpm, max_parallel and a token budget, counted in
 * memory, all set far above the load so every request is admitted and settled. Rounds interleave the two
 * (drift hits both alike); the figure is the difference of the routers' median CPU µs per request,
 * non-streamed and streamed, at 32 connections. Logging is off (`warn`) in both, so the difference is
 * not drowned in log serialisation. The issue's budget: at most 30 µs per request. Reported, not enforced.
 */

const AUTH_BLOCK = `auth:
  keys:
    - name: bench
      key: sk-client-0123456789abcdef
      limits: {rpm: 100000000, tpm: 100000000000, max_parallel: 100000}
      budget: {tokens: 100000000000, period: 1d}
state:
  store: memory
`;
const BUDGET_MICROS = 30;
const CONNECTIONS = 32;

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

async function main(): Promise<void> {
  const started: ServerProcess[] = [];
  try {
    const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
    started.push(upstream);
    const routers: ServerProcess[] = [];
    for (const name of ['no auth', 'auth']) {
      const config = path.join(runDir, `${name.replace(/ /g, '-')}.yaml`);
      writeRouterConfig(config, upstream.origin, QUIET_ROUTER);
      if (name === 'auth') appendFileSync(config, AUTH_BLOCK);
      const router = await spawnRouter(name, ROUTER_ENTRY, config, await freePort(), path.join(runDir, `${name.replace(/ /g, '-')}.log`));
      started.push(router);
      routers.push(router);
    }
    log('warming up both routers (JIT)');
    for (const router of routers) await warmUp(router.origin);
    const lines: string[] = [];
    for (const stream of [false, true]) {
      const cpu = new Map<number, number[]>();
      const rates = new Map<number, number[]>();
      for (let round = 1; round <= rounds; round++) {
        for (const router of routers) {
          log(`${stream ? 'stream' : 'json'}: ${router.name}, round ${round}/${rounds}`);
          const result: ClosedLoopResult = await closedLoop(openaiChat(router.origin, 'bench-openai', stream), CONNECTIONS, seconds, [router.pid], { warmup: round === 1 });
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${router.name}: ${result.non2xx} non-2xx and ${result.errors} errors (a refused request would skew the figure)`);
          cpu.set(router.pid, [...(cpu.get(router.pid) ?? []), result.cpuMicrosPerRequest[router.pid] ?? Number.NaN]);
          rates.set(router.pid, [...(rates.get(router.pid) ?? []), result.requestsPerSecond]);
        }
      }
      const [plain, auth] = routers.map((router) => ({ cpu: median(cpu.get(router.pid) ?? []), rate: median(rates.get(router.pid) ?? []), perRound: cpu.get(router.pid) ?? [] }));
      const added = (auth?.cpu ?? Number.NaN) - (plain?.cpu ?? Number.NaN);
      lines.push(
        `| ${stream ? 'stream' : 'json'} | ${plain?.cpu.toFixed(0)} (${plain?.perRound.map((v) => v.toFixed(0)).join(', ')}) | ${auth?.cpu.toFixed(0)} (${auth?.perRound.map((v) => v.toFixed(0)).join(', ')}) | ${added.toFixed(1)} | ${plain?.rate.toFixed(0)} / ${auth?.rate.toFixed(0)} | ${added <= BUDGET_MICROS ? 'held' : 'NOT held'} |`,
      );
    }
    const report = [
      `Access layer cost, ${rounds} interleaved rounds of ${seconds} s at ${CONNECTIONS} connections (median CPU µs per request; each round in parentheses)`,
      '',
      '| answer | router, no auth | router, auth + limits (memory) | added µs | req/s no auth / auth | budget ≤ 30 µs |',
      '|---|---|---|---|---|---|',
      ...lines,
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
