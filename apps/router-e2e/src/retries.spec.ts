import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { request as httpRequest } from 'node:http';
import { anthropicClient, newReqId, openaiClient, rejectionOf, requestLinesFor, retryLinesFor, sleep, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const OPENAI_KEY = 'sk-upstream-openai-retries-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-retries-0123456789';
const CHAT = { messages: [{ role: 'user' as const, content: 'hello' }] };
const MESSAGES = { max_tokens: 64, messages: [{ role: 'user' as const, content: 'hello' }] };

/** Gaps (ms) between consecutive upstream requests as the mock received them. */
const gaps = (mock: MockUpstream) => mock.requests.slice(1).map((r, i) => r.at - (mock.requests[i]?.at ?? r.at));

describe('retries with exponential backoff', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI({ apiKey: OPENAI_KEY });
    anthropic = await startMockAnthropic({ apiKey: ANTHROPIC_KEY });
    const fast = { initial_delay: 0.1, backoff_factor: 2, max_delay: 2 };
    const openaiModel = { provider: 'openai', endpoint: `${openai.origin}/v1`, api_key: OPENAI_KEY, actual_model_name: 'gpt-4.1-mini' };
    const anthropicModel = { provider: 'anthropic', endpoint: anthropic.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5' };
    router = await startRouter({
      config: {
        models: {
          'gpt-retry': { ...openaiModel, retry_config: { ...fast, max_retries: 3 } },
          'gpt-two-retries': { ...openaiModel, retry_config: { ...fast, max_retries: 2 } },
          'gpt-capped': { ...openaiModel, retry_config: { max_retries: 1, initial_delay: 0.1, backoff_factor: 2, max_delay: 0.3 } },
          'gpt-only-503': { ...openaiModel, retry_config: { ...fast, max_retries: 3, retry_status_codes: [503] } },
          'gpt-no-retry': { ...openaiModel, retry_config: { ...fast, max_retries: 0 } },
          'gpt-slow-backoff': { ...openaiModel, retry_config: { max_retries: 3, initial_delay: 0.8, max_delay: 0.8 } },
          'claude-retry': { ...anthropicModel, retry_config: { ...fast, max_retries: 3 } },
          'claude-one-retry': { ...anthropicModel, retry_config: { ...fast, max_retries: 1 } },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await anthropic?.close();
  }, 20_000);
  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  it('OpenAI client: 503, 503, then 200 -> 200 after 3 upstream sends, growing gaps, attempts: 3 and two retry lines', async () => {
    openai.enqueue({ status: 503 }, { status: 503 });
    const reqId = newReqId('retry-oa');
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-retry', ...CHAT }, { headers: { 'x-request-id': reqId } });

    expect(completion.model).toBe('gpt-retry');
    expect(completion.choices[0]?.message.role).toBe('assistant');
    expect(openai.requests).toHaveLength(3);
    for (const r of openai.requests) {
      expect(r.path).toBe('/v1/chat/completions');
      expect(r.body).toMatchObject({ model: 'gpt-4.1-mini', messages: CHAT.messages });
    }

    const [gap1 = 0, gap2 = 0] = gaps(openai);
    // initial_delay 0.1 s, factor 2, jitter only adding up to 20%: the first wait is in [100, 120] ms, the
    // second in [200, 240] ms; never shorter than configured.
    expect(gap1).toBeGreaterThanOrEqual(95);
    expect(gap2).toBeGreaterThanOrEqual(195);
    expect(gap2).toBeGreaterThanOrEqual(gap1 - 20); // wall clock: small tolerance for scheduling noise
    expect(gap1).toBeLessThan(3_000);
    expect(gap2).toBeLessThan(3_000);

    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ model: 'gpt-retry', provider: 'openai', upstreamModel: 'gpt-4.1-mini', status: 200, attempts: 3, stream: false });
    expect(requestLinesFor(router, reqId)).toHaveLength(1);

    const retries = retryLinesFor(router, reqId);
    expect(retries).toHaveLength(2);
    expect(retries.map((l) => l['attempt'])).toEqual([1, 2]);
    expect(retries.map((l) => l['status'])).toEqual([503, 503]);
    const [d1 = 0, d2 = 0] = retries.map((l) => Number(l['delayMs']));
    expect(d1).toBeGreaterThanOrEqual(100);
    expect(d1).toBeLessThanOrEqual(120);
    expect(d2).toBeGreaterThanOrEqual(200);
    expect(d2).toBeLessThanOrEqual(240);
  });

  it('Anthropic client: 503, 503, then 200 -> 200 after 3 upstream sends, attempts: 3 and two retry lines', async () => {
    anthropic.enqueue({ status: 503 }, { status: 503 });
    const reqId = newReqId('retry-an');
    const message = await anthropicClient(router).messages.create({ model: 'claude-retry', ...MESSAGES }, { headers: { 'x-request-id': reqId } });

    expect(message.model).toBe('claude-retry');
    expect(message.type).toBe('message');
    expect(anthropic.requests).toHaveLength(3);
    for (const r of anthropic.requests) expect(r.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 64 });
    const [gap1 = 0, gap2 = 0] = gaps(anthropic);
    expect(gap1).toBeGreaterThanOrEqual(95);
    expect(gap2).toBeGreaterThanOrEqual(195);

    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ model: 'claude-retry', provider: 'anthropic', status: 200, attempts: 3, stream: false });
    expect(retryLinesFor(router, reqId)).toHaveLength(2);
  });

  it('honours Retry-After on a 429 (waits at least the header)', async () => {
    openai.enqueue({ status: 429, headers: { 'retry-after': '1' } });
    const reqId = newReqId('retry-after');
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-retry', ...CHAT }, { headers: { 'x-request-id': reqId } });
    expect(completion.choices).toHaveLength(1);
    expect(openai.requests).toHaveLength(2);
    const [gap = 0] = gaps(openai);
    // Backoff alone would wait at most 120 ms here; the header asks for 1 s.
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(5_000);
    const [retry] = retryLinesFor(router, reqId);
    expect(retry).toMatchObject({ attempt: 1, status: 429, delayMs: 1000 });
    expect((await waitForRequestLine(router, reqId))['attempts']).toBe(2);
  });

  it('caps a long Retry-After at max_delay', async () => {
    openai.enqueue({ status: 429, headers: { 'retry-after': '30' } });
    const reqId = newReqId('retry-cap');
    const started = Date.now();
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-capped', ...CHAT }, { headers: { 'x-request-id': reqId } });
    expect(completion.choices).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(openai.requests).toHaveLength(2);
    const [gap = 0] = gaps(openai);
    expect(gap).toBeGreaterThanOrEqual(280);
    const [retry] = retryLinesFor(router, reqId);
    expect(retry).toMatchObject({ attempt: 1, status: 429, delayMs: 300 });
  });

  it('OpenAI client: retries exhausted -> the last upstream status (503) in the OpenAI error format', async () => {
    openai.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const reqId = newReqId('retry-exhaust-oa');
    const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-two-retries', ...CHAT }, { headers: { 'x-request-id': reqId } }));
    expect(error).toBeInstanceOf(Error);
    expect(error['status']).toBe(503);
    expect(error['error']).toMatchObject({ message: expect.any(String), type: expect.any(String) });
    expect(openai.requests).toHaveLength(3);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ status: 503, attempts: 3 });
    expect(retryLinesFor(router, reqId)).toHaveLength(2);
  });

  it('Anthropic client: retries exhausted -> the last upstream status (503) in the Anthropic error format', async () => {
    anthropic.enqueue({ status: 503 }, { status: 503 });
    const reqId = newReqId('retry-exhaust-an');
    const response = await fetch(`${router.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-client-x', 'x-request-id': reqId },
      body: JSON.stringify({ model: 'claude-one-retry', ...MESSAGES }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(typeof body.error.type).toBe('string');
    expect(typeof body.error.message).toBe('string');
    expect(anthropic.requests).toHaveLength(2);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 503, attempts: 2 });

    // The same through the SDK: an APIError with the upstream's status.
    anthropic.enqueue({ status: 503 }, { status: 503 });
    const error = await rejectionOf(anthropicClient(router).messages.create({ model: 'claude-one-retry', ...MESSAGES }));
    expect(error['status']).toBe(503);
    expect(error['error']).toMatchObject({ type: 'error', error: { type: expect.any(String) } });
  });

  it('does not retry a status outside retry_status_codes', async () => {
    openai.enqueue({ status: 500 });
    const reqId = newReqId('retry-500');
    const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-only-503', ...CHAT }, { headers: { 'x-request-id': reqId } }));
    expect(error['status']).toBe(500);
    expect(openai.requests).toHaveLength(1);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 500, attempts: 1 });
    expect(retryLinesFor(router, reqId)).toHaveLength(0);
  });

  it('does not retry a 400', async () => {
    openai.enqueue({ status: 400 });
    const reqId = newReqId('retry-400');
    const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-retry', ...CHAT }, { headers: { 'x-request-id': reqId } }));
    expect(error['status']).toBe(400);
    expect(openai.requests).toHaveLength(1);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 400, attempts: 1 });
    expect(retryLinesFor(router, reqId)).toHaveLength(0);
  });

  it('retries a connection reset', async () => {
    openai.enqueue({ resetConnection: true });
    const reqId = newReqId('retry-reset');
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-retry', ...CHAT }, { headers: { 'x-request-id': reqId } });
    expect(completion.model).toBe('gpt-retry');
    expect(openai.requests).toHaveLength(2);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 200, attempts: 2 });
    const retries = retryLinesFor(router, reqId);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.['status']).toBeUndefined();
    expect(String(retries[0]?.['error'])).toMatch(/ECONNRESET|socket hang up|reset/i);
  });

  it('Anthropic client: retries a connection reset', async () => {
    anthropic.enqueue({ resetConnection: true });
    const message = await anthropicClient(router).messages.create({ model: 'claude-retry', ...MESSAGES });
    expect(message.model).toBe('claude-retry');
    expect(anthropic.requests).toHaveLength(2);
  });

  it('max_retries: 0 sends once and relays the failure', async () => {
    openai.enqueue({ status: 503 });
    const reqId = newReqId('retry-zero');
    const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-no-retry', ...CHAT }, { headers: { 'x-request-id': reqId } }));
    expect(error['status']).toBe(503);
    expect(openai.requests).toHaveLength(1);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 503, attempts: 1 });
    expect(retryLinesFor(router, reqId)).toHaveLength(0);

    openai.reset();
    openai.enqueue({ resetConnection: true });
    const reset = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-no-retry', ...CHAT }));
    expect(reset['status']).toBe(502);
    expect(openai.requests).toHaveLength(1);
  });

  it('a streamed request is retried before its first byte, then streams normally', async () => {
    openai.enqueue({ status: 503 });
    const reqId = newReqId('retry-stream');
    const stream = await openaiClient(router).chat.completions.create({ model: 'gpt-retry', ...CHAT, stream: true }, { headers: { 'x-request-id': reqId } });
    let text = '';
    for await (const chunk of stream) {
      expect(chunk.model).toBe('gpt-retry');
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    expect(openai.requests).toHaveLength(2);
    expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 200, attempts: 2, stream: true });
  });

  it('a client that leaves during the backoff wait stops the retries', async () => {
    openai.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const reqId = newReqId('retry-abort');
    // node:http, not fetch: destroying the request closes its one socket and leaves no idle connection behind.
    const payload = JSON.stringify({ model: 'gpt-slow-backoff', ...CHAT });
    const req = httpRequest(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), 'x-request-id': reqId },
    });
    req.on('error', () => undefined);
    req.end(payload);
    while (openai.requests.length === 0) await sleep(10);
    await sleep(50); // the router is now waiting 400-800 ms before its second send
    req.destroy();
    const line = await waitForRequestLine(router, reqId);
    expect(line['attempts']).toBe(1);
    await sleep(1_000); // longer than the backoff would have been
    expect(openai.requests).toHaveLength(1);
  });
});
