import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import { once } from 'node:events';
import { exchange, openRequest, sseData, until } from './http-exchange.spec-helper.js';
import type { MockUpstream } from './mock-upstream.js';
import { startMockOpenAI } from './start-mock-openai.js';

// Behaviours shared by both families (the server engine), exercised through the OpenAI mock.
const chat = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }] };
const completionStream = { model: 'gpt-3.5-turbo-instruct', prompt: 'Write a haiku about rain:\n', stream: true };
const COMPLETION_FRAMES = 13; // 12 chunks + [DONE]

describe('mock server behaviours', () => {
  let mock: MockUpstream;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI({ apiKey: 'any', baseURL: `${mock.origin}/v1`, maxRetries: 0 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('listens on 127.0.0.1 over plain HTTP and accepts any key when apiKey is not set', async () => {
    expect(mock.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.tlsCertificate).toBeUndefined();
    expect((await exchange(mock.origin, { path: '/v1/chat/completions', body: chat })).status).toBe(200);
  });

  it('consumes scripted responses in order, only for requests that pass validation', async () => {
    mock.enqueue({ status: 503 }, { body: { custom: true } });
    const statuses = [];
    for (const body of [{ model: 'm' }, chat, chat, chat]) {
      const response = await exchange(mock.origin, { path: '/v1/chat/completions', body });
      statuses.push([response.status, JSON.parse(response.body)]);
    }
    expect(statuses.map(([status]) => status)).toEqual([400, 503, 200, 200]);
    expect(statuses[1]?.[1]).toEqual({ error: { message: 'The server is overloaded or not ready yet.', type: 'server_error', param: null, code: null } });
    expect(statuses[2]?.[1]).toEqual({ custom: true });
    expect(statuses[3]?.[1]).toMatchObject({ object: 'chat.completion', model: 'gpt-4.1-mini' });
    expect(mock.requests).toHaveLength(4);
  });

  it('sends raw bodies (an HTML 502 page), custom SSE frames and extra headers', async () => {
    mock.enqueue(
      { status: 502, rawBody: '<html><body>502 Bad Gateway</body></html>' },
      { frames: ['data: {"a":1}\n\n', 'data: [DONE]\n\n'], headers: { 'X-Should-Retry': 'false', 'x-request-id': 'req_custom' } },
    );
    const html = await exchange(mock.origin, { path: '/v1/chat/completions', body: chat });
    expect([html.status, html.headers['content-type'], html.body]).toEqual([502, 'text/html; charset=utf-8', '<html><body>502 Bad Gateway</body></html>']);
    const frames = await exchange(mock.origin, { path: '/v1/chat/completions', body: chat });
    expect(frames.body).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
    expect(frames.headers).toMatchObject({ 'x-should-retry': 'false', 'x-request-id': 'req_custom', 'content-type': 'text/event-stream; charset=utf-8' });
  });

  it('names the requested model in a scripted 404', async () => {
    mock.enqueue({ status: 404 });
    const error = await client.chat.completions.create({ ...chat, model: 'gpt-9' } as OpenAI.ChatCompletionCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ code: 'model_not_found', message: expect.stringContaining('The model `gpt-9` does not exist') });
  });

  it('resets the connection on resetConnection: the SDK reports a connection error, not a client abort', async () => {
    mock.enqueue({ resetConnection: true });
    const error = await client.chat.completions.create(chat as OpenAI.ChatCompletionCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    mock.enqueue({ resetConnection: true });
    await expect(exchange(mock.origin, { path: '/v1/chat/completions', body: chat })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(mock.clientAborts).toBe(0);
  });

  it('delays the headers by delayHeadersMs; a client that times out first counts as a client abort', async () => {
    mock.enqueue({ delayHeadersMs: 120 });
    const started = performance.now();
    expect((await exchange(mock.origin, { path: '/v1/chat/completions', body: chat })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);

    mock.enqueue({ delayHeadersMs: 5000 });
    const impatient = fetch(`${mock.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chat),
      signal: AbortSignal.timeout(100),
    });
    await expect(impatient).rejects.toThrow();
    await mock.waitForClientAbort(2000);
    expect(mock.clientAborts).toBe(1);
  });

  it('stallAfterFrames sends N frames and keeps the stream open until the client aborts', async () => {
    mock.enqueue({ stallAfterFrames: 3 });
    const { req, res } = await openRequest(mock.origin, { path: '/v1/completions', body: completionStream });
    let text = '';
    res.on('data', (chunk: string) => (text += chunk));
    await until(() => sseData(text).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sseData(text)).toHaveLength(3);
    expect(res.complete).toBe(false);
    expect([mock.streamsStarted, mock.streamsCompleted, mock.clientAborts]).toEqual([1, 0, 0]);

    const abort = mock.waitForClientAbort(2000); // may be called before or after the abort
    req.destroy();
    await abort;
    expect(mock.clientAborts).toBe(1);
    expect(mock.streamsCompleted).toBe(0);
  });

  it('stallAfterFrames: 0 on a JSON answer sends only the headers', async () => {
    mock.enqueue({ stallAfterFrames: 0 });
    const { req, res } = await openRequest(mock.origin, { path: '/v1/chat/completions', body: chat });
    let received = '';
    res.on('data', (chunk: string) => (received += chunk));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect([res.statusCode, res.headers['content-type'], res.headers['content-length'], received]).toEqual([200, 'application/json', undefined, '']);
    req.destroy();
    await mock.waitForClientAbort(2000);
  });

  it('waitForClientAbort rejects after its timeout when nobody aborts', async () => {
    await expect(mock.waitForClientAbort(30)).rejects.toThrow('mock upstream: no client abort #1 within 30 ms');
  });

  it('sends a legacy-completion midstream error: two chunks, an error object, no [DONE]', async () => {
    mock.enqueue({ midstreamError: true });
    const response = await exchange(mock.origin, { path: '/v1/completions', body: completionStream });
    const data = sseData(response.body);
    expect(data).toHaveLength(3);
    expect(data[2]).toMatchObject({ error: { type: 'server_error' } });
    expect(response.body).not.toContain('[DONE]');
  });
});

describe('chunkDelayMs', () => {
  let mock: MockUpstream;
  beforeAll(async () => {
    mock = await startMockOpenAI({ chunkDelayMs: 20 });
  });
  afterAll(() => mock.close());

  it('writes each frame separately, chunkDelayMs apart: the first arrives long before the stream completes', async () => {
    const { res } = await openRequest(mock.origin, { path: '/v1/completions', body: completionStream });
    const arrivals: number[] = [];
    let completedAtFirstChunk: number | undefined;
    res.on('data', () => {
      arrivals.push(performance.now());
      completedAtFirstChunk ??= mock.streamsCompleted;
    });
    await once(res, 'end');
    await mock.waitForStreamsCompleted(1);
    expect(completedAtFirstChunk).toBe(0);
    expect(arrivals.length).toBeGreaterThanOrEqual(COMPLETION_FRAMES - 2); // the OS may merge a couple
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual((COMPLETION_FRAMES - 1) * 20 * 0.8);
  });

  it('lets a scripted response override the delay', async () => {
    mock.enqueue({ chunkDelayMs: 0 });
    const started = performance.now();
    const response = await exchange(mock.origin, { path: '/v1/completions', body: completionStream });
    expect(sseData(response.body)).toHaveLength(COMPLETION_FRAMES);
    expect(performance.now() - started).toBeLessThan(COMPLETION_FRAMES * 20);
  });
});

describe('reset and close', () => {
  it('reset() clears requests, queue and counters', async () => {
    const mock = await startMockOpenAI();
    try {
      mock.enqueue({ status: 500 });
      await exchange(mock.origin, { path: '/v1/chat/completions', body: { ...chat, stream: true } });
      expect([mock.requests.length, mock.streamsStarted]).toEqual([1, 0]);
      await exchange(mock.origin, { path: '/v1/chat/completions', body: { ...chat, stream: true } });
      expect([mock.requests.length, mock.streamsStarted, mock.streamsCompleted]).toEqual([2, 1, 1]);
      mock.enqueue({ status: 500 });
      mock.reset();
      expect([mock.requests.length, mock.streamsStarted, mock.streamsCompleted, mock.clientAborts]).toEqual([0, 0, 0, 0]);
      const after = await exchange(mock.origin, { path: '/v1/chat/completions', body: chat });
      expect([after.status, after.headers['x-request-id']]).toEqual([200, 'req_mock_1']);
    } finally {
      await mock.close();
    }
  });

  it('close() destroys stalled streams, is not a client abort, and can be called twice', async () => {
    const mock = await startMockOpenAI();
    mock.enqueue({ stallAfterFrames: 1 });
    const { res } = await openRequest(mock.origin, { path: '/v1/completions', body: completionStream });
    const closed = new Promise((resolve) => res.once('close', resolve));
    await new Promise((resolve) => res.once('data', resolve));
    await Promise.all([mock.close(), mock.close()]);
    await closed;
    expect(res.complete).toBe(false);
    expect(mock.clientAborts).toBe(0);
    await expect(exchange(mock.origin, { path: '/v1/chat/completions', body: chat })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
