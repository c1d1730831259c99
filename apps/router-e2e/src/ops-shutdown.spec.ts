import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// At the end of the shutdown grace period, a non-streamed request still waiting on its upstream gets a
// 503 in its client's format and a log line, like streams get an in-band error; then the router exits 0.

describe('shutdown: requests still waiting when the grace period is over', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic();
    router = await startRouter({
      config: {
        server: { shutdown_grace_period: 0.5 },
        models: {
          gpt: { provider: 'openai', endpoint: `${openai.origin}/v1`, retry_config: { max_retries: 0 } },
          claude: { provider: 'anthropic', endpoint: anthropic.origin, retry_config: { max_retries: 0 } },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop('SIGKILL');
    await openai?.close();
    await anthropic?.close();
  });

  it('answers an OpenAI and an Anthropic client with a 503 in their format, logs both, and exits 0', async () => {
    // Upstreams that answer long after the grace period.
    openai.enqueue({ delayHeadersMs: 8_000 });
    anthropic.enqueue({ delayHeadersMs: 8_000 });
    const openaiClient = new OpenAI({ baseURL: `${router.url}/v1`, apiKey: 'sk-client-openai-0123456789', maxRetries: 0 });
    const anthropicClient = new Anthropic({ baseURL: router.url, apiKey: 'sk-ant-client-0123456789', maxRetries: 0 });
    const chat = openaiClient.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const message = anthropicClient.messages.create({ model: 'claude', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    // Both requests are waiting on their upstream.
    const deadline = Date.now() + 5_000;
    while ((openai.requests.length === 0 || anthropic.requests.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(openai.requests).toHaveLength(1);
    expect(anthropic.requests).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => router.process.once('exit', (code) => resolve(code)));
    router.process.kill('SIGTERM');

    const openaiError = await chat;
    expect(openaiError).toBeInstanceOf(OpenAI.APIError);
    const oe = openaiError as InstanceType<typeof OpenAI.APIError>;
    expect(oe.status).toBe(503);
    expect(oe.message).toContain('the router is shutting down');
    expect((oe.error as { type?: string } | undefined)?.type).toBeDefined();

    const anthropicError = await message;
    expect(anthropicError).toBeInstanceOf(Anthropic.APIError);
    const ae = anthropicError as InstanceType<typeof Anthropic.APIError>;
    expect(ae.status).toBe(503);
    expect(ae.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: expect.stringContaining('the router is shutting down') } });

    expect(await exited).toBe(0);
    const lines = router.logs().filter((l) => l['msg'] === 'request' && l['status'] === 503);
    expect(lines.map((l) => l['url']).sort()).toEqual(['/v1/chat/completions', '/v1/messages']);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'warn', errorClass: 'RouterError', errorCode: 'overloaded', error: expect.stringContaining('the router is shutting down') });
    }
    expect(router.logs().some((l) => l['msg'] === 'grace period over: open streams closed with an error, waiting requests answered 503' && l['requests'] === 2)).toBe(true);
  }, 30_000);
});
