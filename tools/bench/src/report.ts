import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './driver/stats.js';
import type { BenchResults, ScenarioResult, TargetResult } from './results.js';

const MB = 1024 * 1024;

const fixed = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const ms = (n: number | undefined) => fixed(n, 2);
const signedMs = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(2)}`);
const times = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(2)}x`);
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

function target(scenario: ScenarioResult | undefined, name: string): TargetResult | undefined {
  return scenario?.targets.find((t) => t.target === name);
}

function rps(result: TargetResult | undefined, connections: number): number | undefined {
  return result?.throughput.find((t) => t.connections === connections)?.requestsPerSecond;
}

/**
 * `a`'s throughput as a multiple of `b`'s: the median, over rounds, of the ratio within each round
 * (the two ran seconds apart, so the machine's slow drift cancels out).
 */
function roundRatio(a: TargetResult | undefined, b: TargetResult | undefined, connections: number): number | undefined {
  const ra = a?.throughput.find((t) => t.connections === connections);
  const rb = b?.throughput.find((t) => t.connections === connections);
  if (ra === undefined || rb === undefined) return undefined;
  const pa = ra.roundsPerSecond ?? [ra.requestsPerSecond];
  const pb = rb.roundsPerSecond ?? [rb.requestsPerSecond];
  const ratios = pa.flatMap((value, i) => (pb[i] === undefined || pb[i] === 0 ? [] : [value / pb[i]]));
  return ratios.length === 0 ? undefined : median(ratios);
}

function scenarioOf(results: BenchResults, name: string): ScenarioResult | undefined {
  return results.scenarios.find((s) => s.scenario === name);
}

/** Every budget line of the performance issue, measured as a ratio or difference within this run. */
export function budgetLines(results: BenchResults): { line: string; budget: string; measured: string; holds: boolean | undefined }[] {
  const pass = scenarioOf(results, 'passthrough');
  const passStream = scenarioOf(results, 'passthrough stream');
  const translatedStream = scenarioOf(results, 'translated stream');
  const lines: ReturnType<typeof budgetLines> = [];
  for (const connections of results.settings.connections) {
    const x = roundRatio(target(pass, 'router'), target(pass, 'reference'), connections);
    lines.push({ line: `passthrough throughput, ${connections} connections`, budget: '>= 0.80x reference', measured: x === undefined ? 'n/a' : `${x.toFixed(2)}x`, holds: x === undefined ? undefined : x >= 0.8 });
  }
  const added = (scenario: ScenarioResult | undefined, key: 'total' | 'ttfb', p: 'p50' | 'p99') => {
    const router = target(scenario, 'router')?.latency?.[key][p];
    const direct = target(scenario, 'direct')?.latency?.[key][p];
    return router === undefined || direct === undefined ? undefined : router - direct;
  };
  const within = (value: number | undefined, limit: number) => (value === undefined || Number.isNaN(value) ? undefined : value <= limit);
  const rate = results.settings.rate;
  const p50 = added(pass, 'total', 'p50');
  const p99 = added(pass, 'total', 'p99');
  lines.push({ line: `passthrough added latency p50 at ${rate} req/s`, budget: '<= 0.7 ms', measured: `${signedMs(p50)} ms`, holds: within(p50, 0.7) });
  lines.push({ line: `passthrough added latency p99 at ${rate} req/s`, budget: '<= 3 ms', measured: `${signedMs(p99)} ms`, holds: within(p99, 3) });
  const ttfb = added(passStream, 'ttfb', 'p50');
  lines.push({ line: 'stream added TTFB p50 (passthrough)', budget: '<= 1.5 ms', measured: `${signedMs(ttfb)} ms`, holds: within(ttfb, 1.5) });
  const ttfbTranslated = added(translatedStream, 'ttfb', 'p50');
  lines.push({ line: 'stream added TTFB p50 (translated)', budget: '<= 1.5 ms', measured: `${signedMs(ttfbTranslated)} ms`, holds: within(ttfbTranslated, 1.5) });
  const cpuPass = target(passStream, 'router')?.cpuMicrosPerRequest;
  const cpuTranslated = target(translatedStream, 'router')?.cpuMicrosPerRequest;
  const cpuRatio = cpuPass !== undefined && cpuTranslated !== undefined ? cpuTranslated / cpuPass : undefined;
  lines.push({ line: 'translated stream CPU per stream vs passthrough', budget: '<= 1.5x', measured: cpuRatio === undefined ? 'n/a' : `${cpuRatio.toFixed(2)}x`, holds: within(cpuRatio, 1.5) });
  const logged = roundRatio(target(pass, 'router'), target(pass, 'router, log off'), 32);
  const bodies = roundRatio(target(pass, 'router, body log'), target(pass, 'router, log off'), 32);
  const cost = logged === undefined ? undefined : 1 - logged;
  lines.push({ line: 'default logging throughput cost', budget: '<= 10%', measured: cost === undefined ? 'n/a' : `${(cost * 100).toFixed(1)}%`, holds: within(cost, 0.1) });
  const bodyCost = bodies === undefined ? undefined : 1 - bodies;
  lines.push({ line: 'full body logging throughput cost', budget: 'reported', measured: bodyCost === undefined ? 'n/a' : `${(bodyCost * 100).toFixed(1)}%`, holds: undefined });
  lines.push({ line: 'peak RSS (load up to 128 connections)', budget: '<= 200 MB', measured: mb(results.memory.peakBytes), holds: results.memory.peakBytes <= 200 * MB });
  const held = results.heldStreams;
  if (held !== undefined) {
    const clean = held.errors === 0 && held.truncated === 0 && held.completed === held.streams;
    lines.push({
      line: `${held.streams} concurrent slow streams`,
      budget: 'no error; memory per stream reported',
      measured: `${held.completed}/${held.streams} complete, ${held.errors} errors, ${held.truncated} truncated; ${fixed(held.perStreamBytes / 1024, 1)} KB per open stream`,
      holds: clean,
    });
  }
  return lines;
}

export function renderMarkdown(results: BenchResults): string {
  const out: string[] = [];
  const { settings } = results;
  out.push(`### Benchmark ${results.when} (Node ${results.node}, ${results.cpus} CPUs)`);
  out.push('');
  out.push(`Mock upstream on loopback; answers of ${settings.chunks} chunks. Closed loop: median of ${settings.rounds} interleaved rounds of ${settings.seconds} s per cell, after a warm-up; open loop ${settings.rate} req/s for ${settings.latencySeconds} s.`);
  out.push('');
  out.push('Ratios are medians of the ratios within each round.');
  out.push('');
  out.push('| scenario | target | req/s @32 | req/s @128 | vs direct @32 | vs reference @32 | proxy CPU µs/req | errors |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const scenario of results.scenarios) {
    const direct = target(scenario, 'direct');
    const reference = target(scenario, 'reference');
    for (const t of scenario.targets) {
      const errors = t.throughput.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
      out.push(
        `| ${scenario.scenario} | ${t.target} | ${fixed(rps(t, 32))} | ${fixed(rps(t, 128))} | ${t.target === 'direct' ? '' : times(roundRatio(t, direct, 32))} | ${
          reference === undefined || t.target === 'direct' || t.target === 'reference' ? '' : times(roundRatio(t, reference, 32))
        } | ${fixed(t.cpuMicrosPerRequest)} | ${errors} |`,
      );
    }
  }
  out.push('');
  out.push(`Latency at ${settings.rate} req/s (open loop, from the time each request was due; ms; "added" is over direct):`);
  out.push('');
  out.push('| scenario | target | total p50 | total p99 | added p50 | added p99 | TTFB p50 | TTFB p99 | added TTFB p50 | added TTFB p99 | failed |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const scenario of results.scenarios) {
    const direct = target(scenario, 'direct')?.latency;
    for (const t of scenario.targets) {
      const l = t.latency;
      if (l === undefined) continue;
      const isDirect = t.target === 'direct' || direct === undefined;
      out.push(
        `| ${scenario.scenario} | ${t.target} | ${ms(l.total.p50)} | ${ms(l.total.p99)} | ${isDirect ? '' : signedMs(l.total.p50 - direct.total.p50)} | ${
          isDirect ? '' : signedMs(l.total.p99 - direct.total.p99)
        } | ${ms(l.ttfb.p50)} | ${ms(l.ttfb.p99)} | ${isDirect ? '' : signedMs(l.ttfb.p50 - direct.ttfb.p50)} | ${isDirect ? '' : signedMs(l.ttfb.p99 - direct.ttfb.p99)} | ${l.failed} |`,
      );
    }
  }
  out.push('');
  out.push(`Router RSS: ${mb(results.memory.startBytes)} at start, ${mb(results.memory.peakBytes)} peak under load, ${mb(results.memory.endBytes)} after it.`);
  out.push('');
  out.push('| budget line | budget | measured | holds |');
  out.push('|---|---|---|---|');
  for (const line of budgetLines(results)) out.push(`| ${line.line} | ${line.budget} | ${line.measured} | ${line.holds === undefined ? '' : line.holds ? 'yes' : '**no**'} |`);
  return out.join('\n');
}

/** Writes `<dir>/report.md` and `<dir>/results.json` (the directory is under the git-ignored results/). */
export function writeResults(dir: string, results: BenchResults, markdown: string): void {
  writeFileSync(path.join(dir, 'report.md'), `${markdown}\n`);
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results)}\n`);
}
