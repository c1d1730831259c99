import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoop, type ClosedLoopResult, type LoadRequest } from './driver/closed-loop.js';
import { median } from './driver/stats.js';
import { warmUp } from './driver/warm-up.js';
import { holdStreams } from './driver/hold-streams.js';
import { openLoop } from './driver/open-loop.js';
import { RssSampler, rssBytes } from './driver/process-stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { renderMarkdown, writeResults } from './report.js';
import type { BenchResults, ScenarioName, ScenarioResult, TargetResult } from './results.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { anthropicMessages, openaiChat } from './setup/requests.js';
import { BODY_LOG_ROUTER, DEFAULT_ROUTER, QUIET_ROUTER, writeRouterConfig, type RouterVariant } from './setup/router-config.js';

/**
 * `npx nx run bench:run [-- --seconds N --rounds N --rate R --latency-seconds N --streams N --chunks N --quick]`
 *
 * Starts the mock upstream, the reference proxy and the built router (three log settings) on loopback,
 * measures direct / reference / router side by side in this one run, prints a Markdown report and a JSON
 * line, and keeps both in tools/bench/results (git-ignored). Exits 0 whatever the figures: budgets are
 * reported, not enforced (the machine's noise is ±30%).
 */

interface Options {
  seconds: number;
  rate: number;
  latencySeconds: number;
  streams: number;
  chunks: number;
  rounds: number;
}

/** The rounds of one cell, summarised: median req/s, and the median CPU per request of `pid`. */
function medianRun(rounds: ClosedLoopResult[], pid: number | undefined): ClosedLoopResult {
  const byRate = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = byRate[Math.floor((byRate.length - 1) / 2)]!;
  const cpu = pid === undefined ? {} : { [pid]: median(rounds.map((r) => r.cpuMicrosPerRequest[pid] ?? Number.NaN)) };
  return {
    ...middle,
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    cpuMicrosPerRequest: cpu,
    roundsPerSecond: rounds.map((r) => r.requestsPerSecond),
  };
}

function parseOptions(argv: string[]): Options {
  const options: Options = { seconds: 4, rate: 200, latencySeconds: 10, streams: 1000, chunks: 20, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if (flag === '--quick') {
      Object.assign(options, { seconds: 2, latencySeconds: 4, streams: 200, rounds: 1 });
    } else if (flag === '--seconds') options.seconds = value;
    else if (flag === '--rate') options.rate = value;
    else if (flag === '--latency-seconds') options.latencySeconds = value;
    else if (flag === '--streams') options.streams = value;
    else if (flag === '--chunks') options.chunks = value;
    else if (flag === '--rounds') options.rounds = value;
    else throw new Error(`unknown option ${flag} (use --seconds, --rounds, --rate, --latency-seconds, --streams, --chunks, --quick)`);
    if (flag !== '--quick') {
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
      i++;
    }
  }
  return options;
}

const CONNECTIONS = [32, 128];
const options = parseOptions(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const runDir = path.join(RESULTS, stamp);
mkdirSync(runDir, { recursive: true });
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const started: ServerProcess[] = [];
async function startRouter(variant: RouterVariant, upstream: string): Promise<ServerProcess> {
  const slug = variant.name.replace(/[^a-z]+/g, '-');
  const config = path.join(runDir, `${slug}.yaml`);
  writeRouterConfig(config, upstream, variant);
  const router = await spawnRouter(variant.name, ROUTER_ENTRY, config, await freePort(), path.join(runDir, `${slug}.log`));
  started.push(router);
  return router;
}

async function main(): Promise<void> {
  log(`results in ${runDir}`);
  const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', String(options.chunks), '0']);
  started.push(upstream);
  const reference = await spawnPortPrinter('reference', path.join(BENCH_DIST, 'reference/main.js'), [upstream.origin]);
  started.push(reference);
  const router = await startRouter(DEFAULT_ROUTER, upstream.origin);
  const rssStart = rssBytes(router.pid);
  const sampler = new RssSampler(router.pid);
  const quiet = await startRouter(QUIET_ROUTER, upstream.origin);
  const bodyLog = await startRouter(BODY_LOG_ROUTER, upstream.origin);
  log('warming up the routers and the reference (JIT)');
  for (const proxy of [router, quiet, bodyLog]) await warmUp(proxy.origin);
  await closedLoop(openaiChat(reference.origin, 'gpt-4.1-mini', false), 16, 2, [], { warmup: false });
  await closedLoop(openaiChat(reference.origin, 'gpt-4.1-mini', true), 16, 2, [], { warmup: false });

  interface Target {
    name: string;
    request: LoadRequest;
    process?: ServerProcess;
    latency: boolean;
    connections: number[];
  }
  // Closed-loop cells run in `rounds` interleaved passes (direct, reference, router, direct, ...) and
  // each figure is the median of its rounds: the machine's drift then hits every target alike.
  const scenario = async (name: ScenarioName, description: string, stream: boolean, targets: Target[]): Promise<ScenarioResult> => {
    const runs = new Map<string, ClosedLoopResult[]>();
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        for (const connections of target.connections) {
          log(`${name}: ${target.name}, ${connections} connections, ${options.seconds} s (round ${round}/${options.rounds})`);
          const result = await closedLoop(target.request, connections, options.seconds, target.process ? [target.process.pid] : [], { warmup: round === 1 });
          const key = `${target.name}@${connections}`;
          runs.set(key, [...(runs.get(key) ?? []), result]);
        }
      }
    }
    const results: TargetResult[] = [];
    for (const target of targets) {
      const pid = target.process?.pid;
      const throughput = target.connections.map((connections) => medianRun(runs.get(`${target.name}@${connections}`) ?? [], pid));
      const result: TargetResult = { target: target.name, throughput, cpuMicrosPerRequest: pid === undefined ? undefined : throughput[0]?.cpuMicrosPerRequest[pid] };
      if (target.latency) {
        log(`${name}: ${target.name}, open loop at ${options.rate} req/s, ${options.latencySeconds} s`);
        result.latency = await openLoop(target.request, options.rate, options.latencySeconds);
      }
      results.push(result);
    }
    return { scenario: name, description, stream, targets: results };
  };

  const scenarios: ScenarioResult[] = [];
  for (const stream of [false, true]) {
    const suffix = stream ? ' stream' : '';
    scenarios.push(
      await scenario(`passthrough${suffix}` as ScenarioName, 'OpenAI client to OpenAI upstream', stream, [
        { name: 'direct', request: openaiChat(upstream.origin, 'gpt-4.1-mini', stream), latency: true, connections: CONNECTIONS },
        { name: 'reference', request: openaiChat(reference.origin, 'gpt-4.1-mini', stream), process: reference, latency: true, connections: CONNECTIONS },
        { name: 'router', request: openaiChat(router.origin, 'bench-openai', stream), process: router, latency: true, connections: CONNECTIONS },
        ...(stream
          ? []
          : [
              { name: QUIET_ROUTER.name, request: openaiChat(quiet.origin, 'bench-openai', stream), process: quiet, latency: false, connections: [32] },
              { name: BODY_LOG_ROUTER.name, request: openaiChat(bodyLog.origin, 'bench-openai', stream), process: bodyLog, latency: false, connections: [32] },
            ]),
      ]),
    );
    scenarios.push(
      await scenario(`translated${suffix}` as ScenarioName, 'OpenAI client to Anthropic upstream', stream, [
        { name: 'direct', request: anthropicMessages(upstream.origin, 'claude-haiku-4-5', stream), latency: true, connections: CONNECTIONS },
        { name: 'router', request: openaiChat(router.origin, 'bench-anthropic', stream), process: router, latency: true, connections: CONNECTIONS },
      ]),
    );
  }
  const peakBytes = sampler.peak;
  sampler.stop();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const endBytes = rssBytes(router.pid);

  log(`${options.streams} concurrent slow streams through the router (20 chunks, 250 ms apart)`);
  const slow = { 'x-bench-chunks': '20', 'x-bench-spacing-ms': '250' };
  const heldStreams = await holdStreams(openaiChat(router.origin, 'bench-openai', true, slow), options.streams, 'data: [DONE]\n\n', router.pid);

  const results: BenchResults = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    settings: { seconds: options.seconds, rounds: options.rounds, connections: CONNECTIONS, rate: options.rate, latencySeconds: options.latencySeconds, chunks: options.chunks },
    scenarios,
    memory: { startBytes: rssStart, peakBytes, endBytes },
    heldStreams,
  };
  const markdown = renderMarkdown(results);
  writeResults(runDir, results, markdown);
  process.stdout.write(`${markdown}\n${JSON.stringify(results)}\n`);
}

try {
  await main();
} finally {
  for (const server of started.reverse()) await server.stop();
}
