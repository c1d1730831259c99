import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMisbehavingUpstream, type MisbehavingUpstream, type RawRequest } from '@llm-router/testing';
import type net from 'node:net';
import { gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// An upstream is not trusted: whatever it sends (deep JSON, endless lines, keep-alive comments forever,
// invalid statuses, compressed or HTML bodies, redirects, early closes, compression bombs), the client
// gets a 502 or an in-band error in its own format, the router stays up, every stream ends and no
// upstream connection is left open. Each attack runs through passthrough and translation, streamed and not.

jest.setTimeout(60_000);

const DEEP = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`; // 29 KB
const INTERNAL_ADDRESS = 'http://10.20.30.40:8080';
type Family = 'openai' | 'anthropic' | 'ollama';

const familyOf = (path: string): Family => (path.startsWith('/api/') ? 'ollama' : path === '/v1/messages' ? 'anthropic' : 'openai');

/** A raw HTTP/1.1 response head; every answer closes its connection, so an open socket means the router kept it. */
function head(status: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ ...headers, connection: 'close' }).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status}\r\n${lines.join('\r\n')}\r\n\r\n`;
}
const streamType = (family: Family) => (family === 'ollama' ? 'application/x-ndjson' : 'text/event-stream');

function sendJson(socket: net.Socket, body: string | Buffer, headers: Record<string, string> = {}, status = '200 OK'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  socket.end(Buffer.concat([Buffer.from(head(status, { 'content-type': 'application/json', 'content-length': bytes.length, ...headers })), bytes]));
}

/** A well-formed answer of each family (what the router must still relay after decoding it). */
function goodAnswer(family: Family, stream: boolean): string {
  if (family === 'openai') {
    const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'up', choices: [{ index: 0, delta: { role: 'assistant', content: 'fine' }, finish_reason: 'stop' }] };
    if (stream) return `data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`;
    return JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'up',
      choices: [{ index: 0, message: { role: 'assistant', content: 'fine' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
  if (family === 'anthropic') {
    if (stream) return anthropicSse({ type: 'text', text: '' }, undefined, '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"fine"}}');
    return JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', model: 'up', content: [{ type: 'text', text: 'fine' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } });
  }
  const line = { model: 'up', created_at: '2026-11-23T14:05:12Z', message: { role: 'assistant', content: 'fine' }, done: true, done_reason: 'stop', prompt_eval_count: 1, eval_count: 1 };
  return stream ? `${JSON.stringify(line)}\n` : JSON.stringify(line);
}

function anthropicSse(block: Record<string, unknown>, rawBlock?: string, rawDelta?: string): string {
  const frame = (type: string, data: string) => `event: ${type}\ndata: ${data}\n\n`;
  return [
    frame('message_start', JSON.stringify({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'up', content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 0 } } })),
    frame('content_block_start', rawBlock ?? JSON.stringify({ type: 'content_block_start', index: 0, content_block: block })),
    ...(rawDelta === undefined ? [] : [frame('content_block_delta', rawDelta)]),
    frame('content_block_stop', '{"type":"content_block_stop","index":0}'),
    frame('message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":1}}'),
    frame('message_stop', '{"type":"message_stop"}'),
  ].join('');
}

/** An answer whose tool call arguments nest 5,000 deep, in each family's shape. */
function deepAnswer(family: Family, stream: boolean): string {
  if (family === 'openai') {
    // Streamed arguments are text (passed on as text); a chunk that itself nests 5,000 deep is what must be refused.
    if (stream) return `data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"up","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":${DEEP}}}]},"finish_reason":null}]}\n\ndata: [DONE]\n\n`;
    return JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'up',
      choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: DEEP } }] }, finish_reason: 'tool_calls' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
  if (family === 'anthropic') {
    const block = `{"type":"tool_use","id":"toolu_1","name":"f","input":${DEEP}}`;
    if (stream) return anthropicSse({}, `{"type":"content_block_start","index":0,"content_block":${block}}`);
    return `{"id":"msg_1","type":"message","role":"assistant","model":"up","content":[${block}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}`;
  }
  const line = `{"model":"up","created_at":"2026-11-23T14:05:12Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":${DEEP}}}]},"done":true,"done_reason":"stop"}`;
  return stream ? `${line}\n` : line;
}

/** Writes `total` bytes of one line with no newline, respecting backpressure, until the router hangs up. */
function endlessLine(socket: net.Socket, family: Family, total: number): void {
  socket.write(head('200 OK', { 'content-type': streamType(family) }) + (family === 'ollama' ? '{"model":"' : 'data: {"x":"'));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < total && !socket.destroyed) {
      sent += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', pump);
    }
    if (!socket.destroyed) socket.end();
  };
  pump();
}

/** Keep-alive comments (SSE) or blank lines (NDJSON) every 100 ms, and nothing else, until the router hangs up. */
function pingsForever(socket: net.Socket, family: Family): void {
  socket.write(head('200 OK', { 'content-type': streamType(family) }));
  const timer = setInterval(() => socket.write(family === 'ollama' ? '\n' : ': ping\n\n'), 100);
  socket.once('close', () => clearInterval(timer));
}

/** Content (an OpenAI chunk) every 200 ms for 2 s, with pings between: longer than a 1 s idle timeout, never idle that long. */
function slowContent(socket: net.Socket): void {
  socket.write(head('200 OK', { 'content-type': 'text/event-stream' }));
  const chunk = (content: string) => `data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"up","choices":[{"index":0,"delta":{"content":"${content}"},"finish_reason":null}]}\n\n`;
  let sent = 0;
  const timer = setInterval(() => {
    if (++sent <= 10) return void socket.write(`: ping\n\n${chunk('.')}`);
    clearInterval(timer);
    socket.end('data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"up","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
  }, 200);
  socket.once('close', () => clearInterval(timer));
}

let bomb: Buffer | undefined;

/** The misbehaviour is named by the model the router asks for (each route's `actual_model_name`). */
function misbehave(request: RawRequest, socket: net.Socket): void {
  const family = familyOf(request.path);
  const stream = request.body['stream'] === true;
  const scenario = String(request.body['model']);
  switch (scenario) {
    case 'deep':
      if (stream) return void socket.end(head('200 OK', { 'content-type': streamType(family) }) + deepAnswer(family, true));
      return sendJson(socket, deepAnswer(family, false));
    case 'endless':
      return endlessLine(socket, family, 48 * 1024 * 1024);
    case 'pings':
      return pingsForever(socket, family);
    case 'slow-content':
      return slowContent(socket);
    case 'status-000':
    case 'status-600':
    case 'status-999':
      return sendJson(socket, '{}', {}, `${scenario.slice(7)} Weird`);
    case 'gzip': {
      const body = gzipSync(goodAnswer(family, stream));
      return sendJson(socket, body, { 'content-encoding': 'gzip', ...(stream ? { 'content-type': streamType(family) } : {}) });
    }
    case 'zstd':
      return sendJson(socket, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]), { 'content-encoding': 'zstd' });
    case 'html':
      return void socket.end(head('200 OK', { 'content-type': 'text/html' }) + `<html><body>Proxy login: <a href="${INTERNAL_ADDRESS}/login">sign in</a></body></html>`);
    case 'redirect':
      return void socket.end(head('302 Found', { location: `${INTERNAL_ADDRESS}/login`, 'content-length': 0 }));
    case 'close-after-headers':
      socket.write(head('200 OK', { 'content-type': stream ? streamType(family) : 'application/json', ...(stream ? {} : { 'content-length': 1000 }) }));
      return void setTimeout(() => socket.destroy(), 20);
    case 'bomb':
      return sendJson(socket, bomb as Buffer, { 'content-encoding': 'gzip' });
    default:
      return sendJson(socket, goodAnswer(family, stream));
  }
}

describe('security: misbehaving upstreams', () => {
  let upstream: MisbehavingUpstream;
  let router: RunningRouter;
  let openai: OpenAI;
  let anthropic: Anthropic;

  const SCENARIOS = ['deep', 'endless', 'pings', 'status-000', 'status-600', 'status-999', 'gzip', 'zstd', 'html', 'redirect', 'close-after-headers', 'bomb', 'slow-content'];

  beforeAll(async () => {
    bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)); // 80 MiB of spaces in ~80 KB: past the 64 MiB cap once decoded
    upstream = await startMisbehavingUpstream(misbehave);
    const models: Record<string, unknown> = { healthy: { provider: 'echo' } };
    for (const scenario of SCENARIOS) {
      // 1 s idle timeout for the ping/slow-content scenarios; the bomb's decoding is CPU time after the last
      // compressed byte arrived, which on a loaded machine can exceed 1 s (a 504, not what that test is about).
      const common = { actual_model_name: scenario, retry_config: { max_retries: 0 }, stream_idle_timeout: scenario === 'bomb' ? 30 : 1 };
      models[`oa-${scenario}`] = { provider: 'openai', endpoint: `${upstream.origin}/v1`, api_key: 'sk-router', ...common };
      models[`an-${scenario}`] = { provider: 'anthropic', endpoint: upstream.origin, api_key: 'sk-ant-router', ...common };
      models[`ol-${scenario}`] = { provider: 'ollama', endpoint: upstream.origin, ...common };
    }
    router = await startRouter({ config: { models } });
    openai = new OpenAI({ apiKey: 'client', baseURL: `${router.url}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: 'client', baseURL: router.url, maxRetries: 0 });
  }, 60_000);

  afterAll(async () => {
    await router?.stop();
    await upstream?.close();
  });

  /** The router survived: a second request succeeds, /health/live answers, no stream is counted, no upstream socket is open. */
  async function expectRouterHealthy(): Promise<void> {
    expect(router.process.exitCode).toBeNull();
    const live = await fetch(`${router.url}/health/live`);
    expect(live.status).toBe(200);
    const answer = await openai.chat.completions.create({ model: 'healthy', messages: [{ role: 'user', content: 'still there?' }] });
    expect(answer.choices[0]?.message.content).toBeTruthy();
    await upstream.waitForNoSockets();
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    const active = metrics.split('\n').filter((line) => line.startsWith('llm_router_active_streams'));
    for (const line of active) expect(line).toMatch(/ 0$/);
  }

  /** An OpenAI chat call through `model`: what the SDK throws (or undefined when it succeeded), and the text. */
  async function viaOpenAI(model: string, stream: boolean): Promise<{ error?: InstanceType<typeof OpenAI.APIError> | Error; text: string }> {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    try {
      if (!stream) {
        const answer = await openai.chat.completions.create({ model, messages });
        return { text: answer.choices[0]?.message.content ?? '' };
      }
      let text = '';
      for await (const chunk of await openai.chat.completions.create({ model, messages, stream: true })) text += chunk.choices[0]?.delta.content ?? '';
      return { text };
    } catch (error) {
      return { error: error as Error, text: '' };
    }
  }

  async function viaAnthropic(model: string, stream: boolean): Promise<{ error?: InstanceType<typeof Anthropic.APIError> | Error; text: string }> {
    const request = { model, max_tokens: 16, messages: [{ role: 'user' as const, content: 'hi' }] };
    try {
      if (!stream) {
        const answer = await anthropic.messages.create(request);
        return { text: answer.content.map((block) => (block.type === 'text' ? block.text : '')).join('') };
      }
      let text = '';
      for await (const event of await anthropic.messages.create({ ...request, stream: true })) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      }
      return { text };
    } catch (error) {
      return { error: error as Error, text: '' };
    }
  }

  /** A 502 before the stream (status 502 in the client's format) or an in-band error (the SDK's APIError from the frame). */
  function expectOpenAIError(outcome: { error?: Error }, message: RegExp, status?: number): void {
    expect(outcome.error).toBeInstanceOf(OpenAI.APIError);
    const error = outcome.error as InstanceType<typeof OpenAI.APIError>;
    if (status !== undefined) expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('10.20.30.40');
  }
  function expectAnthropicError(outcome: { error?: Error }, message: RegExp, status?: number): void {
    expect(outcome.error).toBeInstanceOf(Anthropic.APIError);
    const error = outcome.error as InstanceType<typeof Anthropic.APIError>;
    if (status !== undefined) expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('10.20.30.40');
  }

  it('tool call arguments nested 5,000 deep do not crash the router (Ollama, Anthropic, OpenAI; streamed and not; translated and passthrough)', async () => {
    const deep = /nested deeper than 128 levels/;
    for (const stream of [true, false]) {
      expectOpenAIError(await viaOpenAI('ol-deep', stream), deep, stream ? undefined : 502);
      expectOpenAIError(await viaOpenAI('an-deep', stream), deep, stream ? undefined : 502);
      expectAnthropicError(await viaAnthropic('ol-deep', stream), deep, stream ? undefined : 502);
      expectAnthropicError(await viaAnthropic('oa-deep', stream), deep, stream ? undefined : 502);
    }
    // Passthrough non-streamed answers are parsed (model name, usage): a deep Anthropic answer is refused too.
    // OpenAI carries arguments as text, so its answer is shallow and relayed intact; passthrough streams are never walked.
    expectAnthropicError(await viaAnthropic('an-deep', false), deep, 502);
    const relayed = await openai.chat.completions.create({ model: 'oa-deep', messages: [{ role: 'user', content: 'hi' }] });
    const call = relayed.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' ? call.function.arguments : undefined).toBe(DEEP);
    await expectRouterHealthy();
  });

  it('an endless upstream line (48 MB without a newline) is cut at the frame limit with an in-band error', async () => {
    const tooLong = /longer than 8388608 characters/;
    expectOpenAIError(await viaOpenAI('oa-endless', true), tooLong);
    expectOpenAIError(await viaOpenAI('an-endless', true), tooLong);
    expectOpenAIError(await viaOpenAI('ol-endless', true), tooLong);
    expectAnthropicError(await viaAnthropic('an-endless', true), tooLong);
    expectAnthropicError(await viaAnthropic('oa-endless', true), tooLong);
    // The request log says what happened.
    await router.waitForLog((line) => line['model'] === 'an-endless' && /longer than 8388608 characters/.test(String(line['error'])));
    await expectRouterHealthy();
  });

  it('keep-alive comments do not hold a stream open past stream_idle_timeout', async () => {
    // The client is told what happened (the log line keeps the exact "no content for 1s").
    const idle = /sent no content for longer than the stream idle timeout/;
    expectOpenAIError(await viaOpenAI('oa-pings', true), idle);
    expectOpenAIError(await viaOpenAI('an-pings', true), idle);
    expectOpenAIError(await viaOpenAI('ol-pings', true), idle);
    expectAnthropicError(await viaAnthropic('an-pings', true), idle);
    await router.waitForLog((line) => line['model'] === 'oa-pings' && /no content for 1s \(stream idle timeout\)/.test(String(line['error'])));
    // Content does re-arm it: a 2 s stream with content every 200 ms outlives the 1 s idle timeout.
    expect(await viaOpenAI('oa-slow-content', true)).toEqual({ text: '..........' });
    expect(await viaAnthropic('oa-slow-content', true)).toEqual({ text: '..........' });
    await expectRouterHealthy();
  });

  it('an invalid upstream status (000, 600, 999) is a 502 in the client format, streamed and not', async () => {
    for (const status of ['000', '600', '999']) {
      const invalid = new RegExp(`invalid HTTP status \\(${Number(status)}\\)`);
      for (const stream of [true, false]) {
        expectOpenAIError(await viaOpenAI(`oa-status-${status}`, stream), invalid, 502);
        expectOpenAIError(await viaOpenAI(`an-status-${status}`, stream), invalid, 502);
        expectAnthropicError(await viaAnthropic(`an-status-${status}`, stream), invalid, 502);
        expectAnthropicError(await viaAnthropic(`ol-status-${status}`, stream), invalid, 502);
      }
    }
    await expectRouterHealthy();
  });

  it('a compressed upstream answer is decoded (gzip), and a coding the router cannot decode is a 502', async () => {
    for (const stream of [true, false]) {
      expect(await viaOpenAI('oa-gzip', stream)).toEqual({ text: 'fine' });
      expect(await viaAnthropic('an-gzip', stream)).toEqual({ text: 'fine' });
      expect(await viaOpenAI('an-gzip', stream)).toEqual({ text: 'fine' });
      expect(await viaAnthropic('ol-gzip', stream)).toEqual({ text: 'fine' });
    }
    expectOpenAIError(await viaOpenAI('oa-zstd', false), /content-encoding 'zstd', which the router cannot decode/, 502);
    expectAnthropicError(await viaAnthropic('an-zstd', false), /content-encoding 'zstd'/, 502);
    await expectRouterHealthy();
  });

  it('an HTML page (a proxy login) under a 200 is a 502, never relayed as the answer', async () => {
    for (const stream of [true, false]) {
      const html = new RegExp(`content-type 'text/html' where ${stream ? 'an SSE or NDJSON stream' : 'JSON'} was due`);
      expectOpenAIError(await viaOpenAI('oa-html', stream), html, 502);
      expectAnthropicError(await viaAnthropic('an-html', stream), html, 502);
      expectOpenAIError(await viaOpenAI('an-html', stream), html, 502);
      expectAnthropicError(await viaAnthropic('ol-html', stream), html, 502);
    }
    await expectRouterHealthy();
  });

  it('an upstream redirect is a 502 without its Location, also on translated streams', async () => {
    for (const stream of [true, false]) {
      const redirect = /a redirect \(HTTP 302\), which the router does not follow/;
      expectOpenAIError(await viaOpenAI('oa-redirect', stream), redirect, 502);
      expectAnthropicError(await viaAnthropic('an-redirect', stream), redirect, 502);
      expectOpenAIError(await viaOpenAI('an-redirect', stream), redirect, 502);
      expectAnthropicError(await viaAnthropic('oa-redirect', stream), redirect, 502);
    }
    const raw = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'oa-redirect', messages: [{ role: 'user', content: 'hi' }] }),
      redirect: 'manual',
    });
    expect(raw.status).toBe(502);
    expect(raw.headers.get('location')).toBeNull();
    expect(await raw.text()).not.toContain('10.20.30.40');
    await expectRouterHealthy();
  });

  it('an upstream that closes right after the headers is a 502 (non-streamed) or an in-band error (streamed)', async () => {
    expectOpenAIError(await viaOpenAI('oa-close-after-headers', false), /upstream/, 502);
    expectAnthropicError(await viaAnthropic('an-close-after-headers', false), /upstream/, 502);
    expectOpenAIError(await viaOpenAI('an-close-after-headers', false), /upstream/, 502);
    expectOpenAIError(await viaOpenAI('oa-close-after-headers', true), /upstream/);
    expectAnthropicError(await viaAnthropic('oa-close-after-headers', true), /upstream/);
    await expectRouterHealthy();
  });

  it('a gzip bomb does not expand past the 64 MiB body cap', async () => {
    expectOpenAIError(await viaOpenAI('oa-bomb', false), /upstream response larger than 67108864 bytes/, 502);
    expectAnthropicError(await viaAnthropic('oa-bomb', false), /upstream response larger than 67108864 bytes/, 502);
    await expectRouterHealthy();
  });
});

describe('security: server.stream_frame_limit_mb', () => {
  let upstream: MisbehavingUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    upstream = await startMisbehavingUpstream(misbehave);
    const common = { actual_model_name: 'endless', retry_config: { max_retries: 0 } };
    router = await startRouter({
      config: {
        server: { stream_frame_limit_mb: 1 },
        models: { 'oa-endless': { provider: 'openai', endpoint: `${upstream.origin}/v1`, ...common }, 'ol-endless': { provider: 'ollama', endpoint: upstream.origin, ...common } },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await router?.stop();
    await upstream?.close();
  });

  it('an endless upstream line is cut at the configured frame limit (1 MiB), passthrough and translated', async () => {
    const openai = new OpenAI({ apiKey: 'client', baseURL: `${router.url}/v1`, maxRetries: 0 });
    for (const model of ['oa-endless', 'ol-endless']) {
      const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
      const consumed = (async () => {
        for await (const _chunk of stream) expect(_chunk).toBeUndefined();
      })();
      await expect(consumed).rejects.toThrow(/longer than 1048576 characters/);
    }
    await upstream.waitForNoSockets();
  });
});
