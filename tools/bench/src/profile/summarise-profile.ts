/**
 * Where a process's CPU time went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time per package
 * group (Nest, Fastify, got, pino, prom-client, our code, Node's core, GC), plus the hottest functions.
 *
 * Node-core frames (sockets, the HTTP parser, streams) are also shown "attributed": charged to the
 * nearest caller on the stack that belongs to a package group, so that, say, the http.request work got
 * starts counts as got's. Time spent idle is left out.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by group, ms. */
  self: Record<string, number>;
  /** Self time with Node-core frames charged to their nearest package caller, ms. */
  attributed: Record<string, number>;
  hottest: { fn: string; group: string; ms: number }[];
}

/** Package name -> group; the first match of a path segment wins. */
const GROUPS: [RegExp, string][] = [
  [/node_modules\/(@nestjs|rxjs|reflect-metadata|path-to-regexp|iterare|uid|load-esm)\//, 'Nest'],
  [/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|fast-querystring|fast-uri|ajv|abstract-logging|toad-cache|rfdc|process-warning)\//, 'Fastify'],
  [
    /node_modules\/(got|@szmarczak|cacheable-lookup|cacheable-request|http2-wrapper|responselike|lowercase-keys|p-cancelable|form-data-encoder|decompress-response|mimic-response|defer-to-connect|@sindresorhus|type-fest|keyv|normalize-url|get-stream|byte-counter|chunk-data)\//,
    'got',
  ],
  [/node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify|pino-std-serializers|@pinojs)\//, 'pino'],
  [/node_modules\/(prom-client|tdigest|bintrees)\//, 'prom-client'],
  [/\/dist\/(libs|apps)\/|\/libs\/[^/]+\/dist\//, 'llm-router'],
  [/node_modules\//, 'other packages'],
];

export function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)' || (url === '' && functionName.startsWith('('))) return 'V8 / native';
  if (url.startsWith('node:') || url === '') return 'Node core';
  const normalised = url.replace(/\\/g, '/');
  for (const [pattern, group] of GROUPS) if (pattern.test(normalised)) return group;
  return 'other';
}

export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self: Record<string, number> = {};
  const attributed: Record<string, number> = {};
  const byFunction = new Map<string, { group: string; micros: number }>();
  let totalMicros = 0;
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const group = groupOf(node.callFrame);
    if (group === 'idle') continue;
    totalMicros += micros;
    self[group] = (self[group] ?? 0) + micros / 1000;
    let charged = group;
    if (group === 'Node core') {
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) {
        const upGroup = groupOf(byId.get(up)!.callFrame);
        if (upGroup !== 'Node core' && upGroup !== 'V8 / native') {
          charged = upGroup;
          break;
        }
      }
    }
    attributed[charged] = (attributed[charged] ?? 0) + micros / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
    const entry = byFunction.get(key) ?? { group, micros: 0 };
    entry.micros += micros;
    byFunction.set(key, entry);
  }
  const hottest = [...byFunction.entries()]
    .sort((a, b) => b[1].micros - a[1].micros)
    .slice(0, top)
    .map(([fn, { group, micros }]) => ({ fn, group, ms: micros / 1000 }));
  return { totalMs: totalMicros / 1000, self, attributed, hottest };
}

export function renderProfileSummary(summary: ProfileSummary, requests: number): string {
  const perRequest = (ms: number) => ((ms * 1000) / Math.max(1, requests)).toFixed(1);
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  const groups = [...new Set([...Object.keys(summary.self), ...Object.keys(summary.attributed)])].sort(
    (a, b) => (summary.attributed[b] ?? 0) - (summary.attributed[a] ?? 0),
  );
  const lines = [
    `CPU time sampled: ${summary.totalMs.toFixed(0)} ms over ${requests} requests (${perRequest(summary.totalMs)} µs per request, idle excluded).`,
    '',
    '| group | self | self µs/req | with Node-core work charged to its caller | µs/req |',
    '|---|---:|---:|---:|---:|',
    ...groups.map((g) => `| ${g} | ${pct(summary.self[g] ?? 0)} | ${perRequest(summary.self[g] ?? 0)} | ${pct(summary.attributed[g] ?? 0)} | ${perRequest(summary.attributed[g] ?? 0)} |`),
    '',
    '| hottest functions (self) | group | share |',
    '|---|---|---:|',
    ...summary.hottest.map((h) => `| \`${h.fn}\` | ${h.group} | ${pct(h.ms)} |`),
  ];
  return lines.join('\n');
}
