import http from 'node:http';
import type { LoadRequest } from './closed-loop.js';
import { rssBytes } from './process-stats.js';

export interface HeldStreamsResult {
  streams: number;
  completed: number;
  errors: number;
  /** Streams whose body did not end with the format's terminator. */
  truncated: number;
  rssBeforeBytes: number;
  /** RSS when every stream was open and had sent its first frame. */
  rssAllOpenBytes: number;
  perStreamBytes: number;
  seconds: number;
}

/**
 * Opens `count` slow streams at once through `request` (the mock upstream paces them by the
 * `x-bench-*` headers), reads the router's RSS when all of them are open, and waits for all to end.
 * A stream counts as complete only when it answered 200 and its body ends with `terminator`.
 */
export async function holdStreams(request: LoadRequest, count: number, terminator: string, routerPid: number): Promise<HeldStreamsResult> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const url = new URL(request.url);
  const body = Buffer.from(request.body);
  const headers = { ...request.headers, 'content-length': String(body.length) };
  const rssBeforeBytes = rssBytes(routerPid);
  const started = performance.now();
  let open = 0;
  let completed = 0;
  let errors = 0;
  let truncated = 0;
  let rssAllOpenBytes = 0;

  await new Promise<void>((resolve) => {
    let settled = 0;
    const settle = () => {
      if (++settled === count) resolve();
    };
    for (let i = 0; i < count; i++) {
      const outgoing = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent }, (response) => {
        let tail = '';
        let first = true;
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          if (first) {
            first = false;
            if (++open === count) rssAllOpenBytes = rssBytes(routerPid);
          }
          tail = (tail + text).slice(-64);
        });
        response.on('end', () => {
          if (response.statusCode !== 200) errors++;
          else if (!tail.endsWith(terminator)) truncated++;
          else completed++;
          settle();
        });
        response.on('error', () => {
          errors++;
          settle();
        });
      });
      outgoing.on('error', () => {
        errors++;
        settle();
      });
      outgoing.end(body);
    }
  });
  agent.destroy();
  return {
    streams: count,
    completed,
    errors,
    truncated,
    rssBeforeBytes,
    rssAllOpenBytes,
    perStreamBytes: rssAllOpenBytes > 0 ? (rssAllOpenBytes - rssBeforeBytes) / count : Number.NaN,
    seconds: (performance.now() - started) / 1000,
  };
}
