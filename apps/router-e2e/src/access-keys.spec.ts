import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';
import { metricValue } from './support/access-helpers.js';

// Client keys through the official SDKs: who may call, which models, the model lists, and that the router
// key never reaches an upstream.

const KEYS = { all: 'sk-router-all-0123456789', narrow: 'sk-router-narrow-0123456789', broke: 'sk-router-broke-0123456789' };
const UPSTREAM_KEY = 'sk-upstream-0123456789';

describe('client keys (auth.keys)', () => {
  let openaiMock: MockUpstream;
  let anthropicMock: MockUpstream;
  let router: RunningRouter;
  const openai = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${router.url}/v1`, maxRetries: 0 });
  const anthropic = (options: { apiKey?: string; authToken?: string }) => new Anthropic({ apiKey: null, authToken: null, ...options, baseURL: router.url, maxRetries: 0 });
  const chat = (apiKey: string, model = 'gpt') => openai(apiKey).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  const message = (client: Anthropic, model = 'claude') => client.messages.create({ model, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
  const upstreamCalls = () => openaiMock.requests.length + anthropicMock.requests.length;

  beforeAll(async () => {
    openaiMock = await startMockOpenAI({ apiKey: UPSTREAM_KEY });
    anthropicMock = await startMockAnthropic({ apiKey: UPSTREAM_KEY });
    router = await startRouter({
      config: {
        models: {
          gpt: { provider: 'openai', endpoint: `${openaiMock.origin}/v1`, api_key: UPSTREAM_KEY, pricing: { input_per_mtok: 2.5, output_per_mtok: 10 } },
          claude: { provider: 'anthropic', endpoint: anthropicMock.origin, api_key: UPSTREAM_KEY },
        },
        auth: {
          keys: [
            { name: 'all', key: KEYS.all },
            { name: 'narrow', key: KEYS.narrow, models: ['clau*'] },
            { name: 'broke', key: KEYS.broke, budget: { tokens: 1, period: '1d' } },
          ],
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openaiMock?.close();
    await anthropicMock?.close();
  });

  it('serves a configured key from the OpenAI SDK (Bearer) and the Anthropic SDK (x-api-key and Bearer), never forwarding it', async () => {
    await expect(chat(KEYS.all)).resolves.toMatchObject({ object: 'chat.completion' });
    await expect(message(anthropic({ apiKey: KEYS.all }))).resolves.toMatchObject({ type: 'message' });
    await expect(message(anthropic({ authToken: KEYS.all }))).resolves.toMatchObject({ type: 'message' });
    // Translated too: an Anthropic client on the OpenAI upstream.
    await expect(message(anthropic({ apiKey: KEYS.all }), 'gpt')).resolves.toMatchObject({ type: 'message' });
    const seen = [...openaiMock.requests, ...anthropicMock.requests];
    expect(seen.length).toBe(4);
    for (const request of seen) {
      expect(JSON.stringify(request.headers)).not.toContain('sk-router');
      expect(request.headers['authorization'] ?? request.headers['x-api-key']).toContain(UPSTREAM_KEY);
    }
  });

  it('refuses a wrong key with 401 in each format before any upstream call', async () => {
    const before = upstreamCalls();
    const openaiError = await chat('sk-wrong-0123456789').catch((error: unknown) => error);
    expect(openaiError).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(openaiError).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    const anthropicError = await message(anthropic({ apiKey: 'sk-wrong-0123456789' })).catch((error: unknown) => error);
    expect(anthropicError).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(anthropicError).toMatchObject({ status: 401, error: { type: 'error', error: { type: 'authentication_error' } } });
    expect(upstreamCalls()).toBe(before);
  });

  it('refuses a missing key with 401 on every API route, count_tokens and the model list included', async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${router.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const chatAnswer = await post('/v1/chat/completions', { model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    expect(chatAnswer.status).toBe(401);
    expect(await chatAnswer.json()).toMatchObject({ error: { type: 'invalid_request_error', code: null } });
    expect((await post('/v1/completions', { model: 'gpt', prompt: 'hi' })).status).toBe(401);
    const messages = await post('/v1/messages', { model: 'claude', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    expect(messages.status).toBe(401);
    expect(await messages.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect((await post('/v1/messages/count_tokens', { model: 'claude', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);
    expect((await fetch(`${router.url}/v1/models`)).status).toBe(401);
    // An unknown model is still a 404, whoever asks (the lookup runs first).
    expect((await post('/v1/chat/completions', { model: 'nope', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(404);
  });

  it("refuses a model outside the key's list with 403 in each format", async () => {
    const before = upstreamCalls();
    const openaiError = await chat(KEYS.narrow).catch((error: unknown) => error);
    expect(openaiError).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(openaiError).toMatchObject({ status: 403, code: 'model_not_allowed' });
    const anthropicError = await message(anthropic({ apiKey: KEYS.narrow }), 'gpt').catch((error: unknown) => error);
    expect(anthropicError).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(anthropicError).toMatchObject({ status: 403, error: { error: { type: 'permission_error' } } });
    const counted = await anthropic({ apiKey: KEYS.narrow })
      .messages.countTokens({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(counted).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(upstreamCalls()).toBe(before);
    await expect(message(anthropic({ apiKey: KEYS.narrow }))).resolves.toMatchObject({ type: 'message' });
  });

  it("lists only the key's models in both SDKs' model lists", async () => {
    const ids = async (list: AsyncIterable<{ id: string }>) => {
      const found: string[] = [];
      for await (const model of list) found.push(model.id);
      return found;
    };
    expect(await ids(openai(KEYS.narrow).models.list())).toEqual(['claude']);
    expect(await ids(anthropic({ apiKey: KEYS.narrow }).models.list())).toEqual(['claude']);
    expect(await ids(openai(KEYS.all).models.list())).toEqual(['gpt', 'claude']);
    await expect(openai('sk-wrong-0123456789').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('keeps the probes public and names the models on /health only to a caller with a key', async () => {
    expect((await fetch(`${router.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${router.url}/health/ready`)).status).toBe(200);
    const anonymous = (await (await fetch(`${router.url}/health`)).json()) as Record<string, unknown>;
    expect(anonymous).toMatchObject({ status: 'healthy' });
    expect(anonymous).not.toHaveProperty('models');
    const keyed = await (await fetch(`${router.url}/health`, { headers: { authorization: `Bearer ${KEYS.narrow}` } })).json();
    expect(keyed).toMatchObject({ status: 'healthy', models: ['claude'] });
  });

  it("answers a used-up budget with each family's quota error, not retried by the SDKs", async () => {
    const openaiError = await chat(KEYS.broke).catch((error: unknown) => error);
    expect(openaiError).toBeInstanceOf(OpenAI.RateLimitError);
    expect(openaiError).toMatchObject({ status: 429, code: 'insufficient_quota' });
    expect((openaiError as InstanceType<typeof OpenAI.RateLimitError>).headers.get('x-should-retry')).toBe('false');
    const anthropicError = await message(anthropic({ apiKey: KEYS.broke })).catch((error: unknown) => error);
    expect(anthropicError).toBeInstanceOf(Anthropic.BadRequestError);
    expect((anthropicError as InstanceType<typeof Anthropic.BadRequestError>).message).toContain('You have reached your specified API usage limits');
  });

  it('logs the caller on each request line and counts callers and refusals in the metrics', async () => {
    const line = await router.waitForLog((l) => l['msg'] === 'request' && l['caller'] === 'narrow' && l['status'] === 403);
    expect(line['error']).toContain('model_not_allowed');
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/llm_router_requests_total\{model="gpt",provider="openai",client_format="openai-chat",status="200",stream="false",caller="all"\} 1/);
    expect(metrics).toMatch(/llm_router_access_rejections_total\{reason="invalid_key"\} [1-9]/);
    expect(metrics).toMatch(/llm_router_access_rejections_total\{reason="model_not_allowed"\} [1-9]/);
    expect(metrics).toMatch(/llm_router_access_rejections_total\{reason="missing_key"\} [1-9]/);
    expect(metrics).toMatch(/llm_router_access_rejections_total\{reason="over_budget"\} 2/);
    // Spend where the model has pricing: the tokens the caller used on it, at its prices.
    const input = metricValue(metrics, 'llm_router_tokens_total', 'model="gpt",direction="input",caller="all"');
    const output = metricValue(metrics, 'llm_router_tokens_total', 'model="gpt",direction="output",caller="all"');
    expect(input).toBeGreaterThan(0);
    expect(metricValue(metrics, 'llm_router_spend_usd_total', 'model="gpt",caller="all"')).toBeCloseTo((input * 2.5 + output * 10) / 1e6, 5);
    expect(metrics).not.toMatch(/llm_router_spend_usd_total\{model="claude"/);
    expect(JSON.stringify(router.logs())).not.toContain('sk-router-');
  });
});
