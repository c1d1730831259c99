import { groupOf, type CallFrame } from './summarise-profile.js';

/**
 * Where a process allocates, from a sampling heap profile taken with every allocation counted (see
 * profile-on-signal.ts): bytes per request by package group and the functions that allocate most.
 * Allocation drives the garbage collector's work and, when short-lived objects outlive a scavenge, the
 * growth of the old generation (RSS).
 */

interface AllocationNode {
  callFrame: CallFrame;
  selfSize: number;
  children: AllocationNode[];
}

export interface AllocationProfile {
  head: AllocationNode;
}

export function renderAllocationSummary(profile: AllocationProfile, requests: number, top = 25): string {
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, { group: string; bytes: number }>();
  let total = 0;
  const walk = (node: AllocationNode) => {
    const group = groupOf(node.callFrame);
    const { functionName, url, lineNumber } = node.callFrame;
    total += node.selfSize;
    byGroup.set(group, (byGroup.get(group) ?? 0) + node.selfSize);
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
    const entry = byFunction.get(key) ?? { group, bytes: 0 };
    entry.bytes += node.selfSize;
    byFunction.set(key, entry);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const perRequest = (bytes: number) => `${(bytes / 1024 / Math.max(1, requests)).toFixed(1)} KB`;
  return [
    `Allocated (sampled): ${(total / 1024 / 1024).toFixed(0)} MB over ${requests} requests: ${perRequest(total)} per request.`,
    '',
    '| group | per request | share |',
    '|---|---:|---:|',
    ...[...byGroup].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => `| ${group} | ${perRequest(bytes)} | ${((100 * bytes) / total).toFixed(1)}% |`),
    '',
    '| allocating functions | group | per request |',
    '|---|---|---:|',
    ...[...byFunction]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .slice(0, top)
      .map(([fn, { group, bytes }]) => `| \`${fn}\` | ${group} | ${perRequest(bytes)} |`),
  ].join('\n');
}
