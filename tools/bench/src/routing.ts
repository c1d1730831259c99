import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type LoadRequest } from './driver/closed-loop.js';
import { median } from './driver/stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { warmUp } from './driver/warm-up.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat } from './setup/requests.js';
import { QUIET_ROUTER, routedModel, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:routing [-- --rounds N --seconds N]`
 *
 * What routing costs when nothing fails: one router (logging off) with the bench's single-deployment
 * `bench-openai` and `bench-routed`, the same upstream as three weighted deployments plus a fallback model
 * (every request then goes through the attempt plan, the deployment choice and the stream hold-back until
 * the first content). The router's median CPU µs per request at 32 connections, non-streamed and streamed,
 * in interleaved rounds. The budget: within 5% of the single-deployment model. Reported, not enforced.
 */


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
const runDir = path.join(RESULTS, `routing-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(runDir, { recursive: true });
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface Scenario {
  name: string;
  request: (origin: string) => LoadRequest;
}

const SCENARIOS: Scenario[] = [
  { name: 'single deployment', request: (origin) => openaiChat(origin, 'bench-openai', false) },
  { name: '3 deployments + fallback', request: (origin) => openaiChat(origin, 'bench-routed', false) },
  { name: 'single deployment, streamed', request: (origin) => openaiChat(origin, 'bench-openai', true) },
  { name: '3 deployments + fallback, streamed', request: (origin) => openaiChat(origin, 'bench-routed', true) },
];

async function main(): Promise<void> {
  const started: ServerProcess[] = [];
  try {
    const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
    started.push(upstream);
    const config = path.join(runDir, 'router.yaml');
    writeRouterConfig(config, upstream.origin, QUIET_ROUTER, routedModel(upstream.origin));
    const router = await spawnRouter('router', ROUTER_ENTRY, config, await freePort(), path.join(runDir, 'router.log'));
    started.push(router);
    log('warming up (JIT)');
    await warmUp(router.origin);
    const cpu = new Map<string, number[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of SCENARIOS) {
        log(`${scenario.name}, round ${round}/${rounds}`);
        const result = await closedLoop(scenario.request(router.origin), CONNECTIONS, seconds, [router.pid], { warmup: round === 1 });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${scenario.name}: ${result.non2xx} non-2xx and ${result.errors} errors`);
        cpu.set(scenario.name, [...(cpu.get(scenario.name) ?? []), result.cpuMicrosPerRequest[router.pid] ?? Number.NaN]);
      }
    }
    const of = (name: string) => median(cpu.get(name) ?? []);
    const ratio = (a: string, b: string) => of(a) / of(b);
    const verdict = (value: number, budget: number) => `${value.toFixed(2)}x (budget ≤ ${budget}x: ${value <= budget ? 'held' : 'NOT held'})`;
    const report = [
      `Routing cost, ${rounds} interleaved rounds of ${seconds} s at ${CONNECTIONS} connections (router CPU µs per request, median; each round in parentheses)`,
      '',
      '| scenario | CPU µs |',
      '|---|---|',
      ...SCENARIOS.map(({ name }) => `| ${name} | ${of(name).toFixed(0)} (${(cpu.get(name) ?? []).map((v) => v.toFixed(0)).join(', ')}) |`),
      '',
      `- routed / single, non-streamed: ${verdict(ratio('3 deployments + fallback', 'single deployment'), 1.05)}`,
      `- routed / single, streamed: ${verdict(ratio('3 deployments + fallback, streamed', 'single deployment, streamed'), 1.05)}`,
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
