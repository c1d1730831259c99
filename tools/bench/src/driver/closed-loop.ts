import autocannon from 'autocannon';
import { cpuMicros } from './process-stats.js';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ClosedLoopResult {
  connections: number;
  requestsPerSecond: number;
  completed: number;
  /** Requests answered during the warm-up run before the measured one. */
  warmupCompleted: number;
  errors: number;
  non2xx: number;
  /** CPU time of each watched process per completed request, µs (pid -> µs). */
  cpuMicrosPerRequest: Record<number, number>;
  /** When several rounds were summarised into this result: req/s of each round, in order. */
  roundsPerSecond?: number[];
}

function run(request: LoadRequest, connections: number, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: request.url, method: 'POST', headers: request.headers, body: request.body, connections, duration: seconds, pipelining: 1 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Closed-loop throughput: `connections` clients each send the next request as soon as the last answer
 * (a streamed one included) ended. A short warm-up run first (JIT, pools), then the measured run, over
 * which the CPU time of `watchPids` is read.
 */
export async function closedLoop(request: LoadRequest, connections: number, seconds: number, watchPids: number[], { warmup: warm = true } = {}): Promise<ClosedLoopResult> {
  const warmup = warm ? await run(request, connections, Math.max(1, Math.round(seconds / 4))) : undefined;
  const before = watchPids.map((pid) => cpuMicros(pid));
  const result = await run(request, connections, seconds);
  const completed = result.requests.total;
  const cpuMicrosPerRequest: Record<number, number> = {};
  watchPids.forEach((pid, i) => {
    cpuMicrosPerRequest[pid] = completed > 0 ? (cpuMicros(pid) - (before[i] ?? 0)) / completed : Number.NaN;
  });
  return {
    connections,
    requestsPerSecond: completed / seconds,
    completed,
    warmupCompleted: warmup?.requests.total ?? 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMicrosPerRequest,
  };
}
