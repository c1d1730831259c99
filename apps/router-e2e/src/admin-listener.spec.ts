import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { stringify } from 'yaml';
import { freePort } from './support/policy-helpers.js';
import { runRouterCli, startRouter, writeConfig, type RunningRouter } from './support/start-router.js';

// `/metrics` is served on the admin listener (`server.admin`) only, never on the public port; probes stay public.

describe('the admin listener (server.admin)', () => {
  let router: RunningRouter;
  beforeAll(async () => {
    // With auth configured: the scrape needs no key, because it is not on the public listener at all.
    router = await startRouter({ config: { auth: { keys: [{ name: 'ci', key: 'sk-client-admin-test' }] }, models: { echo: { provider: 'echo' } } } });
  }, 30_000);
  afterAll(() => router?.stop());

  it('listens on a free port of its own (admin port 0) and logs "admin listening" with its url', async () => {
    const line = await router.waitForLog((l) => l['msg'] === 'admin listening');
    expect(line['url']).toBe(router.adminUrl);
    const admin = new URL(router.adminUrl);
    expect(admin.hostname).toBe('127.0.0.1');
    expect(Number(admin.port)).toBeGreaterThan(0);
    expect(admin.port).not.toBe(new URL(router.url).port);
  });

  it('answers GET /metrics in Prometheus text, without a key, and /health/live', async () => {
    const response = await fetch(`${router.adminUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE llm_router_requests_total counter');
    expect(text).toContain('llm_router_process_cpu_seconds_total');
    expect(await (await fetch(`${router.adminUrl}/health/live`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${router.adminUrl}/v1/models`)).status).toBe(404);
  });

  it("has no /metrics on the public port: a 404 in the client's format, with or without a key; the probes stay public", async () => {
    for (const headers of [{}, { authorization: 'Bearer sk-client-admin-test' }] as Array<Record<string, string>>) {
      const response = await fetch(`${router.url}/metrics`, { headers });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { type: expect.any(String), message: expect.any(String) } });
    }
    const anthropic = await fetch(`${router.url}/metrics`, { headers: { 'anthropic-version': '2023-06-01' } });
    expect(anthropic.status).toBe(404);
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect((await fetch(`${router.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${router.url}/health/ready`)).status).toBe(200);
  });
});

describe('the admin listener at boot and shutdown', () => {
  it('takes server.admin host and port from the file, and shutdown closes both listeners', async () => {
    const port = await freePort();
    // An empty LLM_ROUTER_SERVER_ADMIN_PORT counts as unset: the file's port applies.
    const router = await startRouter({ config: { server: { admin: { host: '127.0.0.1', port } }, models: { echo: { provider: 'echo' } } }, env: { LLM_ROUTER_SERVER_ADMIN_PORT: '' } });
    expect(router.adminUrl).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${router.adminUrl}/metrics`)).status).toBe(200);
    expect(await router.stop()).toBe(0);
    await expect(fetch(`${router.adminUrl}/metrics`)).rejects.toThrow();
    await expect(fetch(`${router.url}/health/live`)).rejects.toThrow();
  }, 30_000);

  it('keeps its address on a config reload and warns that server.admin takes effect at the next restart', async () => {
    const path = writeConfig({ models: { echo: { provider: 'echo' } } });
    const router = await startRouter({ configPath: path });
    try {
      writeFileSync(path, stringify({ server: { admin: { host: '127.0.0.2' } }, models: { echo: { provider: 'echo' } } }));
      router.process.kill('SIGHUP');
      const warning = await router.waitForLog((l) => l['msg'] === 'config reload: these server settings take effect at the next restart');
      expect(warning['keys']).toEqual(['server.admin.host']);
      expect((await fetch(`${router.adminUrl}/metrics`)).status).toBe(200);
    } finally {
      await router.stop();
    }
  }, 30_000);

  it('exits 1 naming server.admin when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const config = writeConfig({ models: { echo: { provider: 'echo' } } });
      const run = await runRouterCli(['--config', config, '--port', '0'], { LLM_ROUTER_SERVER_ADMIN_PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`cannot listen on server.admin 127.0.0.1:${port} (/metrics)`);
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 30_000);
});
