import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { Counter, Registry } from 'prom-client';
import { startAdminServer, type AdminServer } from './admin-server.js';

describe('startAdminServer (the server.admin listener)', () => {
  const registry = new Registry();
  new Counter({ name: 'llm_router_test_total', help: 'A test counter.', registers: [registry] }).inc(3);
  let admin: AdminServer;
  beforeAll(async () => {
    admin = await startAdminServer({ registry }, '127.0.0.1', 0);
  });
  afterAll(() => admin.close());

  it('picks a free port for port 0 and names it in its url', () => {
    expect(admin.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it("serves the registry's Prometheus text on GET /metrics, and /health/live", async () => {
    const metrics = await fetch(`${admin.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toBe(registry.contentType);
    expect(await metrics.text()).toContain('llm_router_test_total 3');
    const live = await fetch(`${admin.url}/health/live?probe=1`);
    expect(await live.json()).toEqual({ status: 'ok' });
  });

  it('answers nothing else: 404 for other paths, 405 for other methods', async () => {
    expect((await fetch(`${admin.url}/v1/chat/completions`)).status).toBe(404);
    const post = await fetch(`${admin.url}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('rejects when the address is taken, and closes so the port is free again', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    await expect(startAdminServer({ registry }, '127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    const second = await startAdminServer({ registry }, '127.0.0.1', port);
    await fetch(`${second.url}/metrics`);
    await second.close();
    await expect(fetch(`${second.url}/metrics`)).rejects.toThrow();
  });
});
