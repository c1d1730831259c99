import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { readFixture, readFixtureJson, startMockAnthropic, type MockUpstream } from '@llm-router/testing';
import { anthropicModel, CLIENT_KEY, frameJson, postJson, ROUTER_ANTHROPIC_KEY, splitSse, SseReader } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

interface MessageFixture {
  content: Array<{ type: string; text?: string }>;
}

const FIXTURE_TEXT = readFixtureJson<MessageFixture>('anthropic/basic.response.json').content[0]?.text;
const THINKING_FRAMES = splitSse(readFixture('anthropic/thinking.stream.sse').toString('utf8'));
const SIGNATURE_FRAME = THINKING_FRAMES.find((frame) => frame.data.includes('"signature_delta"'))!;
const FIXTURE_SIGNATURE = (frameJson(SIGNATURE_FRAME)?.['delta'] as { signature: string }).signature;

const MESSAGES: Anthropic.MessageParam[] = [{ role: 'user', content: 'Tell me one fact about octopuses.' }];

describe('Anthropic passthrough (Anthropic client -> anthropic upstream)', () => {
  let upstream: MockUpstream;
  let router: RunningRouter;
  let client: Anthropic;

  beforeAll(async () => {
    // The mock only accepts the router's configured key.
    upstream = await startMockAnthropic({ apiKey: ROUTER_ANTHROPIC_KEY });
    router = await startRouter({
      config: {
        models: { 'claude-test': anthropicModel(upstream, 'claude-sonnet-4-5') },
        server: { body_limit_mb: 1 },
      },
    });
    client = new Anthropic({ apiKey: CLIENT_KEY, authToken: null, baseURL: router.url, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await upstream?.close();
  });

  beforeEach(() => upstream.reset());

  it('answers messages.create under the client model name, with the router key upstream', async () => {
    const { data: message, response } = await client.messages.create({ model: 'claude-test', max_tokens: 256, messages: MESSAGES }).withResponse();

    expect(response.status).toBe(200);
    expect(message.model).toBe('claude-test');
    expect(message.content).toEqual([{ type: 'text', text: FIXTURE_TEXT }]);
    expect(response.headers.get('x-router-upstream-model')).toBe('claude-sonnet-4-5');

    expect(upstream.requests).toHaveLength(1);
    const sent = upstream.requests[0]!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.body).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: MESSAGES });
    expect(sent.headers['x-api-key']).toBe(ROUTER_ANTHROPIC_KEY);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(sent.headers)).not.toContain(CLIENT_KEY);
  });

  it('streams a message the SDK accumulates; message_start names the client model', async () => {
    const startModels: string[] = [];
    const stream = client.messages.stream({ model: 'claude-test', max_tokens: 256, messages: MESSAGES });
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') startModels.push(event.message.model);
    });
    const message = await stream.finalMessage();

    expect(startModels).toEqual(['claude-test']);
    expect(message.model).toBe('claude-test');
    expect(message.content).toEqual([{ type: 'text', text: FIXTURE_TEXT }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(upstream.requests[0]?.headers['x-api-key']).toBe(ROUTER_ANTHROPIC_KEY);
  });

  it('streams a thinking block whose signature arrives byte-identical to the upstream', async () => {
    const request = {
      model: 'claude-test',
      max_tokens: 4096,
      thinking: { type: 'enabled' as const, budget_tokens: 2048 },
      messages: [{ role: 'user' as const, content: 'Is 1001 prime? Answer briefly.' }],
    };

    // Through the SDK's accumulator.
    const message = await client.messages.stream(request).finalMessage();
    expect(message.model).toBe('claude-test');
    const thinking = message.content[0];
    expect(thinking?.type).toBe('thinking');
    expect(thinking?.type === 'thinking' ? thinking.signature : undefined).toBe(FIXTURE_SIGNATURE);
    expect(message.content[1]).toEqual(expect.objectContaining({ type: 'text', text: 'No. 1001 = 7 × 11 × 13.' }));

    // On the wire: every frame after message_start is the upstream's, byte for byte.
    const response = await postJson(`${router.url}/v1/messages`, { ...request, stream: true }, { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-router-upstream-model')).toBe('claude-sonnet-4-5');
    const frames = await new SseReader(response).all();
    expect(frames.map((f) => f.raw)).toContain(SIGNATURE_FRAME.raw);
    expect(frames.slice(1).map((f) => f.raw)).toEqual(THINKING_FRAMES.slice(1).map((f) => f.raw));
    expect((frameJson(frames[0]!)?.['message'] as { model: string }).model).toBe('claude-test');
  });

  it('accepts a client that authenticates with Authorization: Bearer instead of x-api-key', async () => {
    const bearerClient = new Anthropic({ apiKey: null, authToken: CLIENT_KEY, baseURL: router.url, maxRetries: 0 });
    const message = await bearerClient.messages.create({ model: 'claude-test', max_tokens: 64, messages: MESSAGES });

    expect(message.model).toBe('claude-test');
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.headers['x-api-key']).toBe(ROUTER_ANTHROPIC_KEY);
    expect(upstream.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('serves /v1/messages?beta=true (the SDK beta namespace)', async () => {
    const message = await client.beta.messages.create({ model: 'claude-test', max_tokens: 64, messages: MESSAGES });

    expect(message.model).toBe('claude-test');
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: FIXTURE_TEXT })]);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.path).toBe('/v1/messages');
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'claude-sonnet-4-5' });

    // The same on the wire, as Claude Code sends it.
    const response = await postJson(
      `${router.url}/v1/messages?beta=true`,
      { model: 'claude-test', max_tokens: 64, messages: MESSAGES },
      { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { model: string }).model).toBe('claude-test');
    expect(upstream.requests).toHaveLength(2);
  });

  it("forwards the client's anthropic-version and anthropic-beta headers", async () => {
    const message = await client.messages.create(
      { model: 'claude-test', max_tokens: 64, messages: MESSAGES },
      { headers: { 'anthropic-version': '2026-10-21', 'anthropic-beta': 'interleaved-thinking-2025-05-14,context-1m-2025-08-07' } },
    );

    expect(message.model).toBe('claude-test');
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.headers['anthropic-version']).toBe('2026-10-21');
    expect(upstream.requests[0]?.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14,context-1m-2025-08-07');
  });

  it('refuses a request without max_tokens itself: 400 invalid_request_error, nothing sent upstream', async () => {
    const response = await postJson(
      `${router.url}/v1/messages`,
      { model: 'claude-test', messages: MESSAGES },
      { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' },
    );

    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') },
      request_id: expect.any(String),
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers an unknown model with a NotFoundError (not_found_error), nothing sent upstream', async () => {
    const error = await client.messages.create({ model: 'claude-nope', max_tokens: 64, messages: MESSAGES }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    const apiError = error as InstanceType<typeof Anthropic.NotFoundError>;
    expect(apiError.status).toBe(404);
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: expect.stringContaining('claude-nope') } });
    expect(upstream.requests).toHaveLength(0);
  });

  it('keeps an upstream 529 as a 529 overloaded_error', async () => {
    upstream.enqueue({ status: 529 });
    const error = await client.messages.create({ model: 'claude-test', max_tokens: 64, messages: MESSAGES }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBe(529);
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(upstream.requests).toHaveLength(1);
  });
});
