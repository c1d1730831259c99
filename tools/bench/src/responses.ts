import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { closedLoop, type LoadRequest } from './driver/closed-loop.js';
import { median } from './driver/stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { warmUp } from './driver/warm-up.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat, openaiResponses } from './setup/requests.js';
import { QUIET_ROUTER, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:responses [-- --rounds N --seconds N]`
 *
 * What the Responses API costs next to chat, on one router (logging off): the router's median CPU µs per
 * request at 32 connections for chat passthrough, Responses passthrough (`bench-openai`, `api: auto`: the
 * body forwarded to the mock's `/v1/responses`), and a Responses client translated to Anthropic
 * (`bench-anthropic`), each non-streamed and streamed, in interleaved rounds. The budgets:
 * Responses passthrough within 10% of chat passthrough; a translated Responses stream within 1.5x of the
 * Responses passthrough stream. Reported, not enforced.
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
const runDir = path.join(RESULTS, `responses-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(runDir, { recursive: true });
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface Scenario {
  name: string;
  request: (origin: string) => LoadRequest;
}

const SCENARIOS: Scenario[] = [
  { name: 'chat passthrough', request: (origin) => openaiChat(origin, 'bench-openai', false) },
  { name: 'responses passthrough', request: (origin) => openaiResponses(origin, 'bench-openai', false) },
  { name: 'responses → anthropic', request: (origin) => openaiResponses(origin, 'bench-anthropic', false) },
  { name: 'chat passthrough, streamed', request: (origin) => openaiChat(origin, 'bench-openai', true) },
  { name: 'responses passthrough, streamed', request: (origin) => openaiResponses(origin, 'bench-openai', true) },
  { name: 'responses → anthropic, streamed', request: (origin) => openaiResponses(origin, 'bench-anthropic', true) },
];

async function main(): Promise<void> {
  const started: ServerProcess[] = [];
  try {
    const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
    started.push(upstream);
    const config = path.join(runDir, 'router.yaml');
    writeRouterConfig(config, upstream.origin, QUIET_ROUTER);
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
      `Responses API cost, ${rounds} interleaved rounds of ${seconds} s at ${CONNECTIONS} connections (router CPU µs per request, median; each round in parentheses)`,
      '',
      '| scenario | CPU µs |',
      '|---|---|',
      ...SCENARIOS.map(({ name }) => `| ${name} | ${of(name).toFixed(0)} (${(cpu.get(name) ?? []).map((v) => v.toFixed(0)).join(', ')}) |`),
      '',
      `- Responses passthrough / chat passthrough: ${verdict(ratio('responses passthrough', 'chat passthrough'), 1.1)}; streamed ${verdict(ratio('responses passthrough, streamed', 'chat passthrough, streamed'), 1.1)}`,
      `- translated Responses stream / Responses passthrough stream: ${verdict(ratio('responses → anthropic, streamed', 'responses passthrough, streamed'), 1.5)}`,
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
