import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { asRouterError, RouterError, type SendOptions, type UpstreamRequest } from '@llm-router/core';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { GotTransport } from './got-transport.js';

const options: SendOptions = { connectTimeoutMs: 2_000, responseTimeoutMs: 2_000, idleTimeoutMs: 2_000, rejectUnauthorized: true };

function request(url: string, body = '{"model":"m"}'): UpstreamRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: Buffer.from(body), format: 'openai-chat', stream: false };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

async function listen(server: http.Server | https.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`;
}

describe('GotTransport', () => {
  const transport = new GotTransport();
  const servers: Array<http.Server> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
  });
  afterAll(() => transport.close());

  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    return listen(server);
  }

  it('releases a body read to its end: its idle timer no longer fires (it used to hold every finished request)', async () => {
    const url = await serve((_req, res) => res.end('{"ok":true}'));
    const response = await transport.send(request(`${url}/done`), { ...options, idleTimeoutMs: 100 });
    // Read the way the stream pump reads (events, no destroy at the end): got never emits 'close' then.
    await new Promise<void>((resolve) => {
      response.body.on('data', () => undefined);
      response.body.once('end', resolve);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(response.body.errored).toBeNull();
    expect(response.body.destroyed).toBe(false);
  });

  it('rejects a malformed upstream URL with a RouterError (got validates it synchronously)', async () => {
    const error = await transport.send(request('http://[not-an-address/v1'), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
  });

  it('resolves with status, headers and the unread body, for errors too, and reuses the connection', async () => {
    const ports: number[] = [];
    const url = await serve((req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(req.url === '/fail' ? 503 : 200, { 'content-type': 'application/json', 'x-echo': req.headers['content-type'] ?? '' });
        res.end(JSON.stringify({ got: JSON.parse(body) }));
      });
    });
    const ok = await transport.send(request(`${url}/ok`), options);
    expect(ok.status).toBe(200);
    expect(ok.headers['x-echo']).toBe('application/json');
    expect(JSON.parse(await readAll(ok.body))).toEqual({ got: { model: 'm' } });
    const failed = await transport.send(request(`${url}/fail`), options);
    expect(failed.status).toBe(503);
    await readAll(failed.body);
    expect(ports[0]).toBe(ports[1]);
  });

  it('hands over the body before the upstream finished (no buffering)', async () => {
    let finish: () => void = () => undefined;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      finish = () => res.end('data: [DONE]\n\n');
    });
    const response = await transport.send(request(url), options);
    const first = await new Promise<string>((resolve) => response.body.once('data', (c: Buffer) => resolve(c.toString())));
    expect(first).toBe('data: first\n\n');
    finish();
    await readAll(response.body);
  });

  it('destroys a stalled body with a timeout RouterError (stream idle timeout)', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
    });
    const response = await transport.send(request(url), { ...options, idleTimeoutMs: 150 });
    // got wraps the error the body was destroyed with; the RouterError is on its cause chain.
    const error = asRouterError(await readAll(response.body).then(() => undefined, (e: unknown) => e), 'stream');
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).kind).toBe('timeout');
    expect((error as RouterError).message).toContain('idle');
  });

  it('rejects with a retryable timeout when headers take too long', async () => {
    const url = await serve(() => undefined);
    const error = await transport.send(request(url), { ...options, responseTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', status: 504, retryable: true });
  });

  it('rejects with a retryable bad_gateway when nothing listens', async () => {
    const server = http.createServer();
    const url = await listen(server);
    await new Promise((r) => server.close(r));
    const error = await transport.send(request(url), options).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_gateway', status: 502, retryable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('rejects at once when aborted, and destroys the upstream request', async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((r) => (closed = r));
    const url = await serve((req) => req.socket.on('close', closed));
    const controller = new AbortController();
    const pending = transport.send(request(url), { ...options, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(pending).rejects.toThrow('client went away');
    await upstreamClosed;
  });

  describe('TLS', () => {
    let tlsUrl = '';
    let tlsServer: https.Server;
    beforeAll(async () => {
      const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
        keySize: 2048,
        extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
      });
      tlsServer = https.createServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end('{"ok":true}'));
      tlsUrl = await listen(tlsServer);
    });
    afterAll(async () => {
      tlsServer.closeAllConnections();
      await new Promise((r) => tlsServer.close(r));
    });

    it('refuses a self-signed upstream with a clear, non-retryable 502 when verifying', async () => {
      const error = await transport.send(request(tlsUrl), options).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'bad_gateway', status: 502, retryable: false });
      expect((error as Error).message).toContain('ssl_verify: false');
    });

    it('accepts it with rejectUnauthorized: false', async () => {
      const response = await transport.send(request(tlsUrl), { ...options, rejectUnauthorized: false });
      expect(response.status).toBe(200);
      expect(await readAll(response.body)).toBe('{"ok":true}');
    });
  });
});
