import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { startRouter, type RunningRouter } from './support/start-router.js';

// SIGTERM: stop accepting, report not ready, let in-flight streams finish, then exit 0.

describe('graceful shutdown', () => {
  let openai: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI({ chunkDelayMs: 40 });
    router = await startRouter({ config: { models: { gpt: { provider: 'openai', endpoint: `${openai.origin}/v1`, retry_config: { max_retries: 0 } } } } });
  }, 30_000);
  afterAll(async () => {
    await router?.stop('SIGKILL');
    await openai?.close();
  });

  it('lets a stream in flight at SIGTERM complete intact, then exits 0', async () => {
    expect((await fetch(`${router.url}/health/ready`)).status).toBe(200);
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'Tell me an octopus fact.' }] }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(openai.streamsCompleted).toBe(0);

    const exited = new Promise<number | null>((resolve) => router.process.once('exit', (code) => resolve(code)));
    router.process.kill('SIGTERM');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);

    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.at(-1)).toBe('data: [DONE]');
    const content = frames
      .filter((f) => f !== 'data: [DONE]')
      .map((f) => (JSON.parse(f.slice('data: '.length)) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? '')
      .join('');
    expect(content.length).toBeGreaterThan(20);
    expect(await exited).toBe(0);
    expect(router.lines.some((l) => l.includes('shutting down'))).toBe(true);
  }, 20_000);
});

describe('graceful shutdown, grace period over', () => {
  let anthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    anthropic = await startMockAnthropic();
    router = await startRouter({
      config: {
        server: { shutdown_grace_period: 0.3 },
        models: { claude: { provider: 'anthropic', endpoint: anthropic.origin, retry_config: { max_retries: 0 } } },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop('SIGKILL');
    await anthropic?.close();
  });

  it('ends a stream still open when the grace period is over with an in-band error in its format, then exits 0', async () => {
    anthropic.enqueue({ stallAfterFrames: 3 });
    const response = await fetch(`${router.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);

    const exited = new Promise<number | null>((resolve) => router.process.once('exit', (code) => resolve(code)));
    router.process.kill('SIGTERM');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);

    const last = text.split('\n\n').filter(Boolean).at(-1) ?? '';
    expect(last).toMatch(/^event: error\ndata: \{"type":"error","error":\{"type":"overloaded_error","message":"the router is shutting down/);
    expect(text).not.toContain('message_stop');
    expect(await exited).toBe(0);
  }, 20_000);
});
