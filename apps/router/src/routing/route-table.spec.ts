import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '@llm-router/config';
import type { UpstreamTransport } from '@llm-router/core';
import { buildRoutes } from './build-routes.js';
import { createProviderRegistry } from './provider-registry.js';
import { RouteTable } from './route-table.js';

const providers = createProviderRegistry((headers) => headers);
const http: UpstreamTransport = { send: () => Promise.reject(new Error('not used')) };
const routesOf = (yaml: string) => buildRoutes(parseConfig(yaml, 'test.yaml', { env: {} }), providers, http);

const TWO = 'models:\n  m:\n    provider: openai\n    load_balancing: ordered\n    deployments:\n      - {endpoint: "http://127.0.0.1:1/v1", name: a}\n      - {endpoint: "http://127.0.0.1:2/v1", name: b}\n';

describe('RouteTable routing state', () => {
  it('plans over the deployments of the compiled routes, each carrying its Route', () => {
    const table = new RouteTable(routesOf(TWO));
    const step = table.routing.plan('m').start();
    expect(step.kind === 'attempt' && [step.deployment.label, step.deployment.route.endpoint]).toEqual(['a', 'http://127.0.0.1:1/v1']);
  });

  it('keeps the health of deployments whose key survives a reload, and starts fresh for new ones', () => {
    const table = new RouteTable(routesOf(TWO));
    const plan = table.routing.plan('m');
    const first = plan.start();
    if (first.kind !== 'attempt') throw new Error('expected an attempt');
    plan.settle({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    plan.cancel();
    const [a, b] = table.get('m')?.deployments.map((r) => r.deployment.key) ?? [];
    expect(table.routing.circuit(a ?? '')).toBe('open');

    // Same deployment a (same key), b renamed: a stays out, c is new and in rotation.
    table.replace(routesOf(TWO.replace('name: b', 'name: c')), 'next');
    expect(table.routing.circuit(a ?? '')).toBe('open');
    expect(table.routing.circuit(b ?? '')).toBeUndefined();
    const step = table.routing.plan('m').start();
    expect(step.kind === 'attempt' && step.deployment.label).toBe('c');
  });
});
