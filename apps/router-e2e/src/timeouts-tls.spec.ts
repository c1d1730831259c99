import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { anthropicClient, freePort, newReqId, openaiClient, rejectionOf, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const CHAT = { messages: [{ role: 'user' as const, content: 'hello' }] };
const MESSAGES = { max_tokens: 64, messages: [{ role: 'user' as const, content: 'hello' }] };
const NO_RETRY = { max_retries: 0 };
const QUICK_RETRY = { max_retries: 3, initial_delay: 0.1, max_delay: 0.2 };

interface OpenAIErrorBody {
  error: { message: string; type: string; param: unknown; code: unknown };
}
interface AnthropicErrorBody {
  type: string;
  error: { type: string; message: string };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, elapsedMs: Date.now() - started, contentType: response.headers.get('content-type') ?? '' };
}

describe('timeouts, unreachable upstreams and TLS verification', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let tlsOpenAI: MockUpstream;
  let tlsAnthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic();
    tlsOpenAI = await startMockOpenAI({ tls: true });
    tlsAnthropic = await startMockAnthropic({ tls: true });
    const closedPort = await freePort();
    const oa = { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1-mini' };
    const an = { provider: 'anthropic', endpoint: anthropic.origin, actual_model_name: 'claude-haiku-4-5' };
    router = await startRouter({
      config: {
        models: {
          'gpt-slow': { ...oa, timeout: 0.5, retry_config: NO_RETRY },
          'gpt-slow-retried': { ...oa, timeout: 0.3, retry_config: { max_retries: 1, initial_delay: 0.1 } },
          'claude-slow': { ...an, timeout: 0.5, retry_config: NO_RETRY },
          'gpt-down': { provider: 'openai', endpoint: `http://127.0.0.1:${closedPort}/v1`, retry_config: NO_RETRY },
          'gpt-down-retried': { provider: 'openai', endpoint: `http://127.0.0.1:${closedPort}/v1`, retry_config: { max_retries: 2, initial_delay: 0.1 } },
          'claude-down': { provider: 'anthropic', endpoint: `http://127.0.0.1:${closedPort}`, retry_config: NO_RETRY },
          'gpt-idle': { ...oa, timeout: 10, stream_idle_timeout: 1, retry_config: NO_RETRY },
          'claude-idle': { ...an, timeout: 10, stream_idle_timeout: 1, retry_config: NO_RETRY },
          'gpt-tls-verify': { provider: 'openai', endpoint: `${tlsOpenAI.origin}/v1`, ssl_verify: true, retry_config: QUICK_RETRY },
          'gpt-tls-noverify': { provider: 'openai', endpoint: `${tlsOpenAI.origin}/v1`, ssl_verify: false, actual_model_name: 'gpt-4.1-mini' },
          'claude-tls-default': { provider: 'anthropic', endpoint: tlsAnthropic.origin, retry_config: NO_RETRY },
          'claude-tls-noverify': { provider: 'anthropic', endpoint: tlsAnthropic.origin, ssl_verify: false },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await Promise.all([openai?.close(), anthropic?.close(), tlsOpenAI?.close(), tlsAnthropic?.close()]);
  }, 20_000);
  beforeEach(() => {
    for (const mock of [openai, anthropic, tlsOpenAI, tlsAnthropic]) mock.reset();
  });

  describe('response timeout', () => {
    it('OpenAI: an upstream slower than `timeout` -> 504 in the OpenAI format, without waiting for the upstream', async () => {
      openai.enqueue({ delayHeadersMs: 5_000 });
      const reqId = newReqId('slow-oa');
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-slow', ...CHAT }, { 'x-request-id': reqId });
      expect(res.status).toBe(504);
      expect(res.contentType).toMatch(/application\/json/);
      const body = JSON.parse(res.text) as OpenAIErrorBody;
      expect(body.error.type).toBe('server_error');
      expect(body.error.message).toMatch(/timeout|took longer/i);
      expect(res.elapsedMs).toBeGreaterThanOrEqual(400);
      expect(res.elapsedMs).toBeLessThan(3_500);
      expect(openai.requests).toHaveLength(1);
      await openai.waitForClientAbort(); // the router gave up on the upstream request
      expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 504, attempts: 1 });
    });

    it('OpenAI SDK sees an APIError with status 504', async () => {
      openai.enqueue({ delayHeadersMs: 5_000 });
      const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-slow', ...CHAT }));
      expect(error['status']).toBe(504);
    });

    it('Anthropic: an upstream slower than `timeout` -> 504 timeout_error, quickly', async () => {
      anthropic.enqueue({ delayHeadersMs: 5_000 });
      const started = Date.now();
      const error = await rejectionOf(anthropicClient(router).messages.create({ model: 'claude-slow', ...MESSAGES }));
      expect(Date.now() - started).toBeLessThan(3_500);
      expect(error['status']).toBe(504);
      expect(error['error']).toMatchObject({ type: 'error', error: { type: 'timeout_error' } });
    });

    it('a timeout is retried like a network error', async () => {
      openai.enqueue({ delayHeadersMs: 5_000 }, { delayHeadersMs: 5_000 });
      const reqId = newReqId('slow-retried');
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-slow-retried', ...CHAT }, { 'x-request-id': reqId });
      expect(res.status).toBe(504);
      expect(res.elapsedMs).toBeLessThan(4_000);
      expect(openai.requests).toHaveLength(2);
      expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 504, attempts: 2 });
    });
  });

  describe('unreachable upstream', () => {
    it('OpenAI: a closed port -> 502 in the OpenAI format', async () => {
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-down', ...CHAT });
      expect(res.status).toBe(502);
      const body = JSON.parse(res.text) as OpenAIErrorBody;
      expect(body.error).toMatchObject({ type: 'server_error', message: expect.stringMatching(/unreachable|ECONNREFUSED/) });
      const error = await rejectionOf(openaiClient(router).chat.completions.create({ model: 'gpt-down', ...CHAT }));
      expect(error['status']).toBe(502);
    });

    it('Anthropic: a closed port -> 502 in the Anthropic format', async () => {
      const res = await postJson(`${router.url}/v1/messages`, { model: 'claude-down', ...MESSAGES }, { 'anthropic-version': '2023-06-01' });
      expect(res.status).toBe(502);
      const body = JSON.parse(res.text) as AnthropicErrorBody;
      expect(body.type).toBe('error');
      expect(body.error.type).toBe('api_error');
      expect(body.error.message).toMatch(/unreachable|ECONNREFUSED/);
      const error = await rejectionOf(anthropicClient(router).messages.create({ model: 'claude-down', ...MESSAGES }));
      expect(error['status']).toBe(502);
    });

    it('connection refusals are retried, then reported as 502', async () => {
      const reqId = newReqId('down-retried');
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-down-retried', ...CHAT }, { 'x-request-id': reqId });
      expect(res.status).toBe(502);
      expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 502, attempts: 3 });
    });
  });

  describe('stream idle timeout', () => {
    it('OpenAI: a stream that stalls after 2 frames ends with an in-band error frame (no [DONE])', async () => {
      openai.enqueue({ stallAfterFrames: 2 });
      const reqId = newReqId('idle-oa');
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-idle', ...CHAT, stream: true }, { 'x-request-id': reqId });
      expect(res.status).toBe(200);
      expect(res.contentType).toMatch(/text\/event-stream/);
      expect(res.elapsedMs).toBeGreaterThanOrEqual(800);
      expect(res.elapsedMs).toBeLessThan(8_000);
      const frames = res.text.split('\n\n').filter((f) => f.trim() !== '');
      expect(frames.length).toBe(3);
      const last = frames[frames.length - 1] ?? '';
      expect(last.startsWith('data: ')).toBe(true);
      const error = JSON.parse(last.slice('data: '.length)) as OpenAIErrorBody;
      expect(error.error.message).toMatch(/idle|sent nothing/i);
      expect(res.text).not.toContain('[DONE]');
      for (const frame of frames.slice(0, 2)) expect(JSON.parse(frame.slice('data: '.length))).toMatchObject({ model: 'gpt-idle' });
      await openai.waitForClientAbort(); // the router closed the stalled upstream
      const line = await waitForRequestLine(router, reqId);
      expect(line).toMatchObject({ status: 200, stream: true });
      expect(String(line['error'])).toMatch(/idle|sent nothing/i);
    });

    it('OpenAI SDK: iterating the stalled stream throws', async () => {
      openai.enqueue({ stallAfterFrames: 1 });
      const stream = await openaiClient(router).chat.completions.create({ model: 'gpt-idle', ...CHAT, stream: true });
      const error = await rejectionOf(
        (async () => {
          for await (const _chunk of stream) {
            // drain
          }
        })(),
      );
      expect(String(error['message'])).toMatch(/idle|sent nothing/i);
    });

    it('Anthropic: a stalled stream ends with an in-band `event: error` timeout_error and the SDK throws', async () => {
      anthropic.enqueue({ stallAfterFrames: 2 });
      const res = await postJson(`${router.url}/v1/messages`, { model: 'claude-idle', ...MESSAGES, stream: true }, { 'anthropic-version': '2023-06-01' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('event: message_start');
      expect(res.text).toMatch(/event: error\ndata: .*"timeout_error"/);
      expect(res.text).not.toContain('message_stop');
      expect(res.elapsedMs).toBeLessThan(8_000);

      anthropic.enqueue({ stallAfterFrames: 2 });
      const error = await rejectionOf(anthropicClient(router).messages.stream({ model: 'claude-idle', ...MESSAGES }).finalMessage());
      expect(JSON.stringify(error['error'] ?? error['message'])).toContain('timeout_error');
    });
  });

  describe('TLS verification', () => {
    it('ssl_verify: true with a self-signed upstream -> 502 naming ssl_verify, not retried', async () => {
      const reqId = newReqId('tls-verify');
      const res = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-tls-verify', ...CHAT }, { 'x-request-id': reqId });
      expect(res.status).toBe(502);
      const body = JSON.parse(res.text) as OpenAIErrorBody;
      expect(body.error.message).toContain('ssl_verify');
      expect(tlsOpenAI.requests).toHaveLength(0);
      expect(await waitForRequestLine(router, reqId)).toMatchObject({ status: 502, attempts: 1 });
    });

    it('ssl_verify: false with the same upstream -> 200', async () => {
      const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-tls-noverify', ...CHAT });
      expect(completion.model).toBe('gpt-tls-noverify');
      expect(tlsOpenAI.requests).toHaveLength(1);
      expect(tlsOpenAI.requests[0]?.body).toMatchObject({ model: 'gpt-4.1-mini' });
    });

    it('Anthropic: verification is on by default (502 in the Anthropic format), off with ssl_verify: false', async () => {
      const error = await rejectionOf(anthropicClient(router).messages.create({ model: 'claude-tls-default', ...MESSAGES }));
      expect(error['status']).toBe(502);
      expect(error['error']).toMatchObject({ type: 'error', error: { type: 'api_error', message: expect.stringContaining('ssl_verify') } });

      const message = await anthropicClient(router).messages.create({ model: 'claude-tls-noverify', ...MESSAGES });
      expect(message.model).toBe('claude-tls-noverify');
      expect(tlsAnthropic.requests).toHaveLength(1);
    });
  });
});
