import http from 'node:http';
import { percentile } from './stats.js';
import type { LoadRequest } from './closed-loop.js';

export interface LatencySummary {
  p50: number;
  p99: number;
}

export interface OpenLoopResult {
  rate: number;
  sent: number;
  failed: number;
  /** Scheduled send time to the first byte of the body, ms. */
  ttfb: LatencySummary;
  /** Scheduled send time to the end of the body, ms. */
  total: LatencySummary;
}

interface Sample {
  ttfb: number;
  total: number;
}

/**
 * Open-loop latency: requests leave at a fixed rate whatever the answers do, and each latency counts
 * from the moment the request was *due*, so a stall shows in the figures instead of quietly slowing the
 * sender (no coordinated omission). Connections are pooled and kept alive, as a real client's are.
 */
export async function openLoop(request: LoadRequest, rate: number, seconds: number): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' });
  const url = new URL(request.url);
  const body = Buffer.from(request.body);
  const headers = { ...request.headers, 'content-length': String(body.length) };
  const count = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const samples: Sample[] = [];
  let failed = 0;
  let finished = 0;

  const fire = (due: number, done: () => void) => {
    const outgoing = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent }, (response) => {
      let ttfb = Number.NaN;
      response.on('data', () => {
        if (Number.isNaN(ttfb)) ttfb = performance.now() - due;
      });
      response.on('end', () => {
        if (response.statusCode === 200) samples.push({ ttfb, total: performance.now() - due });
        else failed++;
        done();
      });
      response.on('error', () => {
        failed++;
        done();
      });
    });
    outgoing.on('error', () => {
      failed++;
      done();
    });
    outgoing.end(body);
  };

  await new Promise<void>((resolve) => {
    const done = () => {
      if (++finished === count) resolve();
    };
    const start = performance.now() + 5;
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < count && start + next * interval <= now) fire(start + next++ * interval, done);
      if (next < count) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 5);
  });
  agent.destroy();
  const ttfbs = samples.map((s) => s.ttfb);
  const totals = samples.map((s) => s.total);
  return {
    rate,
    sent: count,
    failed,
    ttfb: { p50: percentile(ttfbs, 50), p99: percentile(ttfbs, 99) },
    total: { p50: percentile(totals, 50), p99: percentile(totals, 99) },
  };
}
