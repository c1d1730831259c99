import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closedLoop } from './driver/closed-loop.js';
import { warmUp } from './driver/warm-up.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { renderAllocationSummary, type AllocationProfile } from './profile/summarise-allocations.js';
import { renderProfileSummary, summariseProfile, type CpuProfile } from './profile/summarise-profile.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat } from './setup/requests.js';
import { ACCESS_BLOCK, DEFAULT_ROUTER, QUIET_ROUTER, routedModel, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:profile [-- --scenario passthrough|passthrough-stream|translated|translated-stream|routed|routed-stream --seconds N --allocations --auth --quiet]` (--auth: with a client key and limits, in memory; --quiet: request logging off, as bench:routing and bench:access run it)
 *
 * Runs the built router with one closed-loop load (32 connections), profiles its CPU over the measured
 * part only (after a warm-up of every scenario, so the JIT has settled), and prints where the time went
 * by package. The `.cpuprofile` stays in tools/bench/results for a flame graph: open it in Chrome
 * DevTools' Performance panel or speedscope. With `--allocations` it profiles allocation instead (bytes
 * per request, by package and function; the `.heapprofile` opens in DevTools' Memory panel).
 */
const SCENARIOS = {
  passthrough: { model: 'bench-openai', stream: false },
  'passthrough-stream': { model: 'bench-openai', stream: true },
  translated: { model: 'bench-anthropic', stream: false },
  'translated-stream': { model: 'bench-anthropic', stream: true },
  routed: { model: 'bench-routed', stream: false },
  'routed-stream': { model: 'bench-routed', stream: true },
} as const;
type Scenario = keyof typeof SCENARIOS;

let scenario: Scenario = 'passthrough';
let seconds = 15;
let allocations = false;
let auth = false;
let quiet = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (argv[i] === '--scenario' && (argv[i + 1] ?? '') in SCENARIOS) scenario = argv[i + 1] as Scenario;
  else if (argv[i] === '--seconds' && Number(argv[i + 1]) > 0) seconds = Number(argv[i + 1]);
  else if (argv[i] === '--allocations') {
    allocations = true;
    i--;
  } else if (argv[i] === '--auth') {
    auth = true;
    i--;
  } else if (argv[i] === '--quiet') {
    quiet = true;
    i--;
  } else throw new Error(`usage: profile.js [--scenario ${Object.keys(SCENARIOS).join('|')}] [--seconds N] [--allocations] [--auth] [--quiet]`);
}

const dir = path.join(RESULTS, `profile-${scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(dir, { recursive: true });
const started: ServerProcess[] = [];
try {
  const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '20', '0']);
  started.push(upstream);
  const config = path.join(dir, 'router.yaml');
  writeRouterConfig(config, upstream.origin, quiet ? QUIET_ROUTER : DEFAULT_ROUTER, routedModel(upstream.origin));
  if (auth) appendFileSync(config, `${ACCESS_BLOCK}state:\n  store: memory\n`);
  const file = path.join(dir, allocations ? 'router.heapprofile' : 'router.cpuprofile');
  const router = await spawnRouter('router', ROUTER_ENTRY, config, await freePort(), path.join(dir, 'router.log'), ['--import', path.join(BENCH_DIST, 'profile/profile-on-signal.js')], {
    [allocations ? 'BENCH_ALLOCATION_PROFILE' : 'BENCH_CPU_PROFILE']: file,
  });
  started.push(router);
  await warmUp(router.origin);
  const { model, stream } = SCENARIOS[scenario];
  process.stderr.write(`bench: profiling ${scenario}, 32 connections, ${seconds} s\n`);
  process.kill(router.pid, 'SIGUSR2');
  const result = await closedLoop(openaiChat(router.origin, model, stream), 32, seconds, [router.pid], { warmup: false });
  process.kill(router.pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(file) && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  await router.stop();
  const requests = result.completed;
  const summary = allocations
    ? renderAllocationSummary(JSON.parse(readFileSync(file, 'utf8')) as AllocationProfile, requests)
    : renderProfileSummary(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), requests);
  const report = `### ${allocations ? 'Allocation' : 'CPU'} profile: ${scenario}, ${result.requestsPerSecond.toFixed(0)} req/s at 32 connections\n\n${summary}\n\nProfile: ${file}\n`;
  writeFileSync(path.join(dir, 'summary.md'), report);
  process.stdout.write(report);
} finally {
  for (const server of started.reverse()) await server.stop();
}
