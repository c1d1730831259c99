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
import type { StreamTranslator } from './stream-translator.js';

type Outcome = Parameters<PumpStreamOptions['onDone']>[0];

/** A real HTTP server whose one response is fed by `upstream` through the pump. */
async function serve(codec: ClientCodec, options: { translator?: StreamTranslator; idleTimeoutMs?: number; prefix?: PumpStreamOptions['prefix']; paused?: boolean } = {}) {
  const upstream = new PassThrough();
  if (options.paused === true) upstream.pause();
  let resolveDone!: (o: Outcome) => void;
  let doneCalls = 0;
  const done = new Promise<Outcome>((r) => (resolveDone = r));
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    const translator = options.translator ?? passthroughTranslator(codec, 'client-model');
    pumpStream({
      upstream,
      response: res,
      translator,
      idleTimeoutMs: options.idleTimeoutMs,
      prefix: options.prefix,
      onDone: (outcome) => {
        doneCalls++;
        resolveDone(outcome);
      },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { upstream, done, server, url, doneCalls: () => doneCalls };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

describe('pumpStream with a held-back prefix', () => {
  it('writes the prefix first and resumes the paused upstream', async () => {
    const { upstream, done, server, url } = await serve(openAIChatCodec, { prefix: { text: 'data: {"held":1}\n\n', ended: false }, paused: true });
    servers.push(server);
    const response = await fetch(url);
    upstream.end('data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
    const text = await response.text();
    expect(text.startsWith('data: {"held":1}\n\n')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(await done).toEqual({ error: undefined, aborted: false });
  });

  it('ends at once when the prefix ended the stream, then drains the upstream to its end without forwarding it', async () => {
    const { upstream, done, server, url } = await serve(openAIChatCodec, { prefix: { text: 'data: [DONE]\n\n', ended: true }, paused: true });
    servers.push(server);
    // What a transport still holds after the frame that ended the stream (the body's last bytes).
    upstream.write(': trailing comment\n\n');
    const ended = new Promise<void>((resolve) => upstream.once('end', resolve));
    const response = await fetch(url);
    expect(await response.text()).toBe('data: [DONE]\n\n');
    expect(await done).toEqual({ error: undefined, aborted: false });
    // A body left paused never emits 'end': the transport would keep its idle timer and the connection.
    upstream.end();
    await ended;
    expect(upstream.readableEnded).toBe(true);
  });
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

describe('pumpStream faults', () => {
  /** A translator whose push throws what `thrown` gives on the second chunk, like a decoder hitting a bug. */
  function throwingTranslator(thrown: () => unknown): StreamTranslator {
    const inner = passthroughTranslator(openAIChatCodec, 'client-model');
    let chunks = 0;
    return {
      push: (chunk) => {
        if (++chunks === 2) throw thrown();
        return inner.push(chunk);
      },
      end: () => inner.end(),
      fail: (error) => inner.fail(error),
    };
  }

  it('turns a translator that throws into an in-band error: the process stays up, onDone is called once, the upstream is destroyed', async () => {
    const { upstream, done, server, url, doneCalls } = await serve(openAIChatCodec, { translator: throwingTranslator(() => new RangeError('Maximum call stack size exceeded')) });
    servers.push(server);
    const response = await fetch(url);
    const text = response.text();
    upstream.write('data: {"model":"m","choices":[]}\n\n');
    await new Promise((r) => setImmediate(r));
    upstream.write('data: {"model":"m","choices":[]}\n\n');
    const body = await text;
    expect(body).toBe(
      'data: {"model":"client-model","choices":[]}\n\n' +
        'data: {"error":{"message":"router failed to translate the upstream stream: Maximum call stack size exceeded","type":"server_error","param":null,"code":null}}\n\n',
    );
    expect((await done).error?.kind).toBe('bad_gateway');
    expect(upstream.destroyed).toBe(true);
    upstream.write('data: late\n\n');
    expect(doneCalls()).toBe(1);
  });

  it("reports a RouterError thrown by the translator (the parsers' frame limit) as it is", async () => {
    const tooLong = new RouterError('bad_gateway', 'upstream sent an SSE frame longer than 8388608 characters');
    const { upstream, done, server, url } = await serve(openAIChatCodec, { translator: throwingTranslator(() => tooLong) });
    servers.push(server);
    const response = await fetch(url);
    const text = response.text();
    upstream.write('data: {"model":"m","choices":[]}\n\n');
    await new Promise((r) => setImmediate(r));
    upstream.write('data: x');
    expect(await text).toContain('"message":"upstream sent an SSE frame longer than 8388608 characters"');
    expect((await done).error).toBe(tooLong);
    expect(upstream.destroyed).toBe(true);
  });

  it('ends a stream of keep-alive comments only with the idle-timeout error: comments are not content', async () => {
    const { upstream, done, server, url } = await serve(anthropicMessagesCodec, { idleTimeoutMs: 300 });
    servers.push(server);
    const response = await fetch(url);
    const text = response.text();
    const pings = setInterval(() => upstream.write(': ping\n\n'), 20);
    try {
      expect(await text).toBe('event: error\ndata: {"type":"error","error":{"type":"timeout_error","message":"upstream sent no content for 0.3s (stream idle timeout)"}}\n\n');
    } finally {
      clearInterval(pings);
    }
    expect((await done).error?.kind).toBe('timeout');
    expect(upstream.destroyed).toBe(true);
  });
});
