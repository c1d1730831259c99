import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rssBytes } from './driver/process-stats.js';
import { freePort, spawnPortPrinter, spawnRouter, type ServerProcess } from './driver/spawn-server.js';
import { BENCH_DIST, RESULTS, ROUTER_ENTRY } from './setup/paths.js';
import { openaiChat } from './setup/requests.js';
import { DEFAULT_ROUTER, writeRouterConfig } from './setup/router-config.js';

/**
 * `npx nx run bench:soak [-- --minutes 10 --streams 64]`
 *
 * Holds `streams` concurrent streams through the router for `minutes` (each stream 50 chunks 20 ms
 * apart; every connection alternates a passthrough and a translated stream, and opens the next as soon
 * as one ends), samples the router's RSS every 10 s, and checks that the RSS floor at the end is within
 * 10% of the floor after warm-up (the first tenth of the run, at least 30 s). Floors (the lowest sample in
 * a minute) rather than single samples: RSS saws up and down with the GC by ~50%, and a leak raises the
 * floor.
 */
let minutes = 10;
let streams = 64;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const value = Number(argv[i + 1]);
  if (argv[i] === '--minutes' && value > 0) minutes = value;
  else if (argv[i] === '--streams' && value > 0) streams = value;
  else throw new Error('usage: soak.js [--minutes N] [--streams N]');
}

const dir = path.join(RESULTS, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(dir, { recursive: true });
const started: ServerProcess[] = [];
const MB = 1024 * 1024;
try {
  const upstream = await spawnPortPrinter('mock upstream', path.join(BENCH_DIST, 'upstream/main.js'), ['0', '50', '20']);
  started.push(upstream);
  const config = path.join(dir, 'router.yaml');
  writeRouterConfig(config, upstream.origin, DEFAULT_ROUTER);
  const router = await spawnRouter('router', ROUTER_ENTRY, config, await freePort(), path.join(dir, 'router.log'));
  started.push(router);
  const passthrough = openaiChat(router.origin, 'bench-openai', true);
  const translated = openaiChat(router.origin, 'bench-anthropic', true);

  const seconds = Math.round(minutes * 60);
  const warmupSeconds = Math.max(30, Math.round(seconds / 10));
  const timeline: { second: number; rssMb: number }[] = [];
  const t0 = Date.now();
  const sample = () => timeline.push({ second: Math.round((Date.now() - t0) / 1000), rssMb: rssBytes(router.pid) / MB });
  sample();
  const timer = setInterval(sample, 10_000);
  process.stderr.write(`bench: soak, ${streams} concurrent streams for ${minutes} min\n`);
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: router.origin,
        connections: streams,
        duration: seconds,
        requests: [passthrough, translated].map((r) => ({ method: 'POST' as const, path: new URL(r.url).pathname, headers: r.headers, body: r.body })),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    ),
  );
  clearInterval(timer);
  sample();
  const floor = (from: number, to: number) => Math.min(...timeline.filter((s) => s.second >= from && s.second <= to).map((s) => s.rssMb));
  const afterWarmup = { second: warmupSeconds, rssMb: floor(warmupSeconds, warmupSeconds + 60) };
  const end = { second: seconds, rssMb: floor(seconds - 60, seconds + 1) };
  const growth = (end.rssMb - afterWarmup.rssMb) / afterWarmup.rssMb;
  const errors = result.errors + result.timeouts + result.non2xx;
  const report = [
    `### Soak: ${streams} concurrent streams for ${minutes} min`,
    '',
    `Streams completed: ${result.requests.total} (${(result.requests.total / seconds).toFixed(1)}/s), errors: ${errors}.`,
    `Router RSS: ${timeline[0]!.rssMb.toFixed(0)} MB at start; floor ${afterWarmup.rssMb.toFixed(1)} MB in the minute after warm-up (from ${afterWarmup.second} s), floor ${end.rssMb.toFixed(1)} MB in the last minute; peak ${Math.max(...timeline.map((s) => s.rssMb)).toFixed(1)} MB.`,
    `End floor vs after warm-up: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% (budget: within 10%): ${Math.abs(growth) <= 0.1 && errors === 0 ? 'holds' : '**does not hold**'}.`,
    '',
    `RSS timeline (s: MB): ${timeline.map((s) => `${s.second}: ${s.rssMb.toFixed(0)}`).join(', ')}`,
  ].join('\n');
  writeFileSync(path.join(dir, 'report.md'), `${report}\n`);
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify({ minutes, streams, completed: result.requests.total, errors, timeline, afterWarmup, end, growth })}\n`);
  process.stdout.write(`${report}\n`);
} finally {
  for (const server of started.reverse()) await server.stop();
}
