import type { ClosedLoopResult } from './driver/closed-loop.js';
import type { HeldStreamsResult } from './driver/hold-streams.js';
import type { OpenLoopResult } from './driver/open-loop.js';

export type ScenarioName = 'passthrough' | 'passthrough stream' | 'translated' | 'translated stream';

/** One target (direct, reference or a router variant) measured in one scenario. */
export interface TargetResult {
  target: string;
  /** Closed-loop runs by connection count. */
  throughput: ClosedLoopResult[];
  /** CPU of the proxy process per request at the lowest connection count, µs (absent for direct). */
  cpuMicrosPerRequest?: number;
  latency?: OpenLoopResult;
}

export interface ScenarioResult {
  scenario: ScenarioName;
  description: string;
  stream: boolean;
  targets: TargetResult[];
}

export interface MemoryResult {
  startBytes: number;
  peakBytes: number;
  endBytes: number;
}

export interface BenchResults {
  when: string;
  node: string;
  cpus: number;
  settings: { seconds: number; rounds: number; connections: number[]; rate: number; latencySeconds: number; chunks: number };
  scenarios: ScenarioResult[];
  memory: MemoryResult;
  heldStreams?: HeldStreamsResult;
}
