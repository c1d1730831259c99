import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { inOneRateWindow, RedisProcess } from './support/access-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Limits through the SDKs: rpm exact with the families' rate-limit headers, max_parallel, and two router
// instances sharing one limit through a real redis-server.

const KEYS = { rpm: 'sk-router-rpm-0123456789', parallel: 'sk-router-parallel-0123456789', shared: 'sk-router-shared-0123456789', shown: 'sk-router-shown-0123456789' };

describe('limits in memory', () => {
  let mock: MockUpstream;
  let router: RunningRouter;
  const openai = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${router.url}/v1`, maxRetries: 0 });
  const chat = (apiKey: string) => openai(apiKey).chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).withResponse();

  beforeAll(async () => {
    mock = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
        auth: {
          keys: [
            { name: 'rpm', key: KEYS.rpm, limits: { rpm: 3 } },
            { name: 'parallel', key: KEYS.parallel, limits: { max_parallel: 1 } },
            { name: 'shown', key: KEYS.shown, limits: { rpm: 100 } },
          ],
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await mock?.close();
  });

  it('lets exactly rpm requests through, with the rate-limit headers, then 429 with retry-after in both formats', async () => {
    await inOneRateWindow();
    for (const remaining of ['2', '1', '0']) {
      const { response } = await chat(KEYS.rpm);
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      expect(response.headers.get('x-ratelimit-remaining-requests')).toBe(remaining);
      expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(ms|s|m\d+s)$/);
    }
    const before = mock.requests.length;
    const refused = await chat(KEYS.rpm).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
    expect(Number(error.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const anthropicRefused = await new Anthropic({ apiKey: KEYS.rpm, baseURL: router.url, maxRetries: 0 }).messages
      .create({ model: 'gpt', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(anthropicRefused).toBeInstanceOf(Anthropic.RateLimitError);
    const anthropicError = anthropicRefused as InstanceType<typeof Anthropic.RateLimitError>;
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(anthropicError.headers.get('anthropic-ratelimit-requests-limit')).toBe('3');
    expect(anthropicError.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(anthropicError.headers.get('retry-after')).not.toBeNull();
    expect(mock.requests.length).toBe(before);
  }, 75_000);

  it("shows the router's limits for the caller, never the upstream's own x-ratelimit-* (the operator's quota), streamed or not", async () => {
    await inOneRateWindow();
    const upstreamLimits = { 'x-ratelimit-limit-requests': '10000', 'x-ratelimit-remaining-requests': '9999', 'x-ratelimit-remaining-tokens': '1999000' };
    mock.enqueue({ headers: upstreamLimits }, { headers: upstreamLimits });
    const { response } = await chat(KEYS.shown);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('100');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('99');
    expect(response.headers.get('x-ratelimit-remaining-tokens')).toBeNull();
    const streamed = await openai(KEYS.shown).chat.completions.create({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    for await (const _chunk of streamed.data) void _chunk;
    expect(streamed.response.headers.get('x-ratelimit-limit-requests')).toBe('100');
    expect(streamed.response.headers.get('x-ratelimit-remaining-requests')).toBe('98');
    expect(streamed.response.headers.get('x-ratelimit-remaining-tokens')).toBeNull();
  }, 75_000);

  it('holds max_parallel while a request is in flight and frees it when the answer ends', async () => {
    mock.enqueue({ delayHeadersMs: 1_000 });
    const before = mock.requests.length;
    const first = chat(KEYS.parallel);
    // Admitted and in flight once the mock has it (the mock holds its answer for a second).
    while (mock.requests.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = await chat(KEYS.parallel).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refused as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('1');
    await expect(first).resolves.toMatchObject({ response: { status: 200 } });
    await expect(chat(KEYS.parallel)).resolves.toMatchObject({ response: { status: 200 } });
  });

  it('counts rate-limit refusals by reason', async () => {
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/llm_router_access_rejections_total\{reason="rate_limited"\} 3/);
  });
});

describe('a request longer than state.reservation_ttl', () => {
  let mock: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    mock = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
        auth: { keys: [{ name: 'parallel', key: KEYS.parallel, limits: { max_parallel: 1 } }] },
        state: { store: 'memory', reservation_ttl: 2 },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await mock?.close();
  });

  it('keeps its max_parallel lease past the TTL (the limiter extends it) and frees it when it ends', async () => {
    const client = new OpenAI({ apiKey: KEYS.parallel, baseURL: `${router.url}/v1`, maxRetries: 0 });
    const chat = () => client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    mock.enqueue({ delayHeadersMs: 5_000 });
    const first = chat();
    while (mock.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // 3.5 s in: past the 2 s TTL, so without extension the lease would have lapsed and this would pass.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(first).resolves.toMatchObject({ response: { status: 200 } });
    await expect(chat()).resolves.toMatchObject({ response: { status: 200 } });
    expect(mock.requests.length).toBe(2);
  }, 30_000);
});

describe('limits shared by two routers through redis', () => {
  let redis: RedisProcess;
  let mock: MockUpstream;
  const routers: RunningRouter[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    mock = await startMockOpenAI();
    const config = {
      models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
      auth: { keys: [{ name: 'shared', key: KEYS.shared, limits: { rpm: 4 } }] },
      state: { store: 'redis', url: redis.url, timeout: 2 },
    };
    routers.push(await startRouter({ config }), await startRouter({ config }));
  }, 30_000);
  afterAll(async () => {
    for (const router of routers) await router.stop();
    await mock?.close();
    await redis?.stop();
  });

  it('admits rpm requests in total across both instances, then refuses on either', async () => {
    await inOneRateWindow();
    const client = (router: RunningRouter) => new OpenAI({ apiKey: KEYS.shared, baseURL: `${router.url}/v1`, maxRetries: 0 });
    const chat = (router: RunningRouter) => client(router).chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    const [a, b] = routers as [RunningRouter, RunningRouter];
    const remaining: Array<string | null> = [];
    for (const router of [a, b, a, b]) remaining.push((await chat(router)).response.headers.get('x-ratelimit-remaining-requests'));
    expect(remaining).toEqual(['3', '2', '1', '0']);
    await expect(chat(a)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(chat(b)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    expect(mock.requests.length).toBe(4);
  }, 75_000);
});
