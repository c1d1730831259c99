import { afterEach, describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { anthropicMessagesCodec } from '@llm-router/anthropic';
import { openAIChatCodec } from '@llm-router/openai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { ClientCodec } from '@llm-router/core';
import { passthroughTranslator } from './passthrough-translator.js';
import { pumpStream, type PumpStreamOptions } from './pump-stream.js';

type Outcome = Parameters<PumpStreamOptions['onDone']>[0];

/** A real HTTP server whose one response is fed by `upstream` through the pump. */
async function serve(codec: ClientCodec) {
  const upstream = new PassThrough();
  let resolveDone!: (o: Outcome) => void;
  const done = new Promise<Outcome>((r) => (resolveDone = r));
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    pumpStream({ upstream, response: res, translator: passthroughTranslator(codec, 'client-model'), onDone: resolveDone });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { upstream, done, server, url };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

describe('pumpStream with the passthrough translator', () => {
  it('forwards frames as they arrive, rewrites the model, holds a split frame until it is whole', async () => {
    const { upstream, done, server, url } = await serve(openAIChatCodec);
    servers.push(server);
    const response = await fetch(url);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();

    upstream.write('data: {"id":"c1","model":"gpt-4o-2024-08-06","choices":[]}\n\ndata: {"id":"c1","mod');
    const first = decoder.decode((await reader.read()).value);
    expect(first).toBe('data: {"id":"c1","model":"client-model","choices":[]}\n\n');

    upstream.write('el":"gpt-4o-2024-08-06","choices":[]}\n\ndata: [DONE]\n\n');
    upstream.end();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe('data: {"id":"c1","model":"client-model","choices":[]}\n\ndata: [DONE]\n\n');
    expect(await done).toEqual({ aborted: false });
  });

  it('turns an upstream end without the terminal frame into an in-band error, never a fake success', async () => {
    const { upstream, done, server, url } = await serve(anthropicMessagesCodec);
    servers.push(server);
    const response = await fetch(url);
    const text = response.text();
    upstream.end('event: ping\ndata: {"type":"ping"}\n\n');
    const body = await text;
    expect(body).toMatch(/^event: ping\ndata: \{"type":"ping"\}\n\nevent: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"upstream stream ended before its final event"\}\}\n\n$/);
    expect((await done).error?.kind).toBe('bad_gateway');
  });

  it("ends with the upstream's own in-band error frame, adding nothing after it", async () => {
    const { upstream, done, server, url } = await serve(anthropicMessagesCodec);
    servers.push(server);
    const response = await fetch(url);
    const text = response.text();
    const error = 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    upstream.end(`event: ping\ndata: {"type":"ping"}\n\n${error}`);
    expect(await text).toBe(`event: ping\ndata: {"type":"ping"}\n\n${error}`);
    expect((await done).error?.message).toContain('overloaded_error');
  });

  it('reports an upstream failure in-band, with the RouterError it was destroyed with', async () => {
    const { upstream, done, server, url } = await serve(openAIChatCodec);
    servers.push(server);
    const response = await fetch(url);
    upstream.write('data: {"model":"m","choices":[]}\n\n');
    const text = response.text();
    upstream.destroy(new Error('wrapped', { cause: new RouterError('timeout', 'upstream sent nothing for 1s (stream idle timeout)') }));
    const body = await text;
    expect(body).toContain('data: {"error":{"message":"upstream sent nothing for 1s (stream idle timeout)"');
    expect(body).not.toContain('[DONE]');
    expect((await done).error?.kind).toBe('timeout');
  });

  it('reports a body that failed before the pump started, instead of waiting forever', async () => {
    const { upstream, done, server, url } = await serve(anthropicMessagesCodec);
    servers.push(server);
    upstream.on('error', () => undefined); // the transport's own listener, as in GotTransport
    upstream.destroy(new Error('socket hang up'));
    const body = await (await fetch(url)).text();
    expect(body).toBe('event: error\ndata: {"type":"error","error":{"type":"api_error","message":"upstream stream failed: socket hang up"}}\n\n');
    expect((await done).error?.kind).toBe('bad_gateway');
  });

  it('destroys the upstream at once when the client goes away', async () => {
    const { upstream, done, server, url } = await serve(openAIChatCodec);
    servers.push(server);
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    upstream.write('data: {"model":"m","choices":[]}\n\n');
    await response.body!.getReader().read();
    const destroyed = new Promise<void>((r) => upstream.once('close', () => r()));
    controller.abort();
    await destroyed;
    expect(upstream.destroyed).toBe(true);
    expect(await done).toEqual({ aborted: true });
  });
});
