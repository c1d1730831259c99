import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Claude Code asks for extended thinking; an OpenAI model without reasoning rejects `reasoning_effort`.
// `reasoning: false` on the model drops the thinking request (with a warning) instead of a 400.

describe('reasoning: false', () => {
  let openai: MockUpstream;
  let router: RunningRouter;
  let client: Anthropic;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    const model = { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1', retry_config: { max_retries: 0 } };
    router = await startRouter({ config: { models: { 'plain-gpt': { ...model, reasoning: false }, 'reasoning-gpt': model } } });
    client = new Anthropic({ apiKey: 'unused', baseURL: router.url, maxRetries: 0 });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
  });

  const ask = (model: string) =>
    client.messages.create({ model, max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Is 7919 prime?' }] }).withResponse();

  it('drops the thinking request for a model that has no reasoning, and says so', async () => {
    const { data, response } = await ask('plain-gpt');
    expect(data.content.length).toBeGreaterThan(0);
    expect(openai.requests.at(-1)?.body).not.toHaveProperty('reasoning_effort');
    expect(response.headers.get('x-router-warnings')).toMatch(/thinking: model 'plain-gpt' is configured with reasoning: false/);
  });

  it('maps it to reasoning_effort by default', async () => {
    await ask('reasoning-gpt');
    expect(openai.requests.at(-1)?.body).toMatchObject({ reasoning_effort: 'medium' });
  });
});
