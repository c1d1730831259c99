import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { inOneRateWindow, metricValue, RedisProcess, timed } from './support/access-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Redis killed under two running routers (one per `state.on_error` mode) and restarted on the same port:
// fail_closed answers 503 in the client's format, fail_open serves unlimited, both say so in /metrics and the
// log, no request hangs, and the limits hold again after the restart without restarting the routers.

const KEYS = { closed: 'sk-router-closed-0123456789', open: 'sk-router-open-0123456789' };
const RPM = 2;
/** Redis down must never hang a request: `state.timeout` is 100 ms, an answer within this is generous. */
const ANSWER_WITHIN_MS = 3_000;

describe('redis killed and restarted under running routers (state.on_error)', () => {
  let redis: RedisProcess;
  let mock: MockUpstream;
  let closed: RunningRouter;
  let open: RunningRouter;
  const openai = (router: RunningRouter, apiKey: string) => new OpenAI({ apiKey, baseURL: `${router.url}/v1`, maxRetries: 0 });
  const chat = (router: RunningRouter, apiKey: string) =>
    openai(router, apiKey).chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
  const message = (router: RunningRouter, apiKey: string) =>
    new Anthropic({ apiKey, baseURL: router.url, maxRetries: 0 }).messages.create({ model: 'gpt', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
  const storeErrors = async (router: RunningRouter) => metricValue(await (await fetch(`${router.adminUrl}/metrics`)).text(), 'llm_router_access_store_errors_total', 'operation="reserve"');

  beforeAll(async () => {
    redis = await RedisProcess.start();
    mock = await startMockOpenAI();
    const config = (onError: string, name: string, key: string) => ({
      models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
      auth: { keys: [{ name, key, limits: { rpm: RPM } }] },
      state: { store: 'redis', url: redis.url, on_error: onError },
    });
    closed = await startRouter({ config: config('fail_closed', 'closed', KEYS.closed) });
    open = await startRouter({ config: config('fail_open', 'open', KEYS.open) });
  }, 30_000);
  afterAll(async () => {
    await closed?.stop();
    await open?.stop();
    await mock?.close();
    await redis?.stop();
  });

  it('fail_closed: 503 in both formats while redis is down, fail_open: served; counted, logged, never hanging', async () => {
    // Up: both enforce (the rate-limit headers come from the store's counters).
    expect((await chat(closed, KEYS.closed)).response.headers.get('x-ratelimit-limit-requests')).toBe(String(RPM));
    expect((await chat(open, KEYS.open)).response.headers.get('x-ratelimit-limit-requests')).toBe(String(RPM));
    await redis.stop();
    const upstreamBefore = mock.requests.length;

    const openaiRefused = await timed(chat(closed, KEYS.closed), ANSWER_WITHIN_MS);
    expect(openaiRefused.outcome).toBeInstanceOf(OpenAI.InternalServerError);
    expect(openaiRefused.outcome).toMatchObject({ status: 503, type: 'server_error' });
    expect((openaiRefused.outcome as InstanceType<typeof OpenAI.InternalServerError>).headers.get('retry-after')).toBe('1');
    const anthropicRefused = await timed(message(closed, KEYS.closed), ANSWER_WITHIN_MS);
    expect(anthropicRefused.outcome).toBeInstanceOf(Anthropic.InternalServerError);
    expect(anthropicRefused.outcome).toMatchObject({ status: 503, error: { type: 'error', error: { type: 'api_error' } } });
    expect(mock.requests.length).toBe(upstreamBefore);

    // fail_open: served, more often than the rpm would allow, and without rate-limit headers (nothing was counted).
    for (let i = 0; i < RPM + 1; i++) {
      const served = await timed(chat(open, KEYS.open), ANSWER_WITHIN_MS);
      expect(served.outcome).toMatchObject({ response: { status: 200 } });
      expect((served.outcome as Awaited<ReturnType<typeof chat>>).response.headers.get('x-ratelimit-limit-requests')).toBeNull();
    }
    const anthropicServed = await timed(message(open, KEYS.open), ANSWER_WITHIN_MS);
    expect(anthropicServed.outcome).toMatchObject({ data: { type: 'message' } });
    expect(mock.requests.length).toBe(upstreamBefore + RPM + 2);

    expect(await storeErrors(closed)).toBeGreaterThanOrEqual(2);
    expect(await storeErrors(open)).toBeGreaterThanOrEqual(RPM + 2);
    for (const [router, onError] of [[closed, 'fail_closed'], [open, 'fail_open']] as const) {
      const line = await router.waitForLog((l) => l['msg'] === 'state store operation failed');
      expect(line).toMatchObject({ operation: 'reserve', onError });
      await router.waitForLog((l) => l['msg'] === 'state store: redis connection error (reconnecting)');
    }
    // The reason is for the log only: the 503 names no redis internals to the client.
    expect(JSON.stringify(openaiRefused.outcome)).not.toMatch(/redis|ECONNREFUSED/i);
  }, 30_000);

  it('enforces the limits again once redis is back on the same port, without restarting the routers', async () => {
    redis = await redis.restart();
    await inOneRateWindow();
    for (const [router, key] of [[closed, KEYS.closed], [open, KEYS.open]] as const) {
      // Reconnected when an answer carries the store's counters again (fail_closed: 503 until then; fail_open: no headers).
      const deadline = Date.now() + 10_000;
      let remaining: string | null = null;
      while (remaining === null) {
        expect(Date.now()).toBeLessThan(deadline);
        const attempt = await timed(chat(router, key), ANSWER_WITHIN_MS);
        if (attempt.outcome instanceof OpenAI.APIError) expect(attempt.outcome.status).toBe(503);
        else remaining = (attempt.outcome as Awaited<ReturnType<typeof chat>>).response.headers.get('x-ratelimit-remaining-requests');
        if (remaining === null) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The restarted redis is empty: the first counted request leaves RPM - 1.
      expect(remaining).toBe(String(RPM - 1));
      for (let left = RPM - 2; left >= 0; left--) expect((await chat(router, key)).response.headers.get('x-ratelimit-remaining-requests')).toBe(String(left));
      await expect(chat(router, key)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    }
  }, 45_000);
});
