import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { fileURLToPath } from 'node:url';
import { startRouter, type RunningRouter } from './support/start-router.js';

const EXAMPLE_CONFIG = fileURLToPath(new URL('../../../config.example.yaml', import.meta.url));

describe('the bundled example config (what a fresh clone runs)', () => {
  let router: RunningRouter;
  beforeAll(async () => {
    router = await startRouter({ configPath: EXAMPLE_CONFIG });
  });
  afterAll(() => router.stop());

  it('reports health with the configured models', async () => {
    const health = await (await fetch(`${router.url}/health`)).json();
    expect(health).toEqual({ status: 'healthy', service: 'llm-router', version: '0.1.0', models: ['echo', 'my-assistant'], config: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it('answers the OpenAI SDK with the request it would have sent upstream, alias applied, key never shown', async () => {
    const client = new OpenAI({ apiKey: 'sk-client-key-0123456789abcdef', baseURL: `${router.url}/v1`, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'my-assistant', messages: [{ role: 'user', content: 'hello' }] });
    expect(completion.model).toBe('my-assistant');
    const echoed = JSON.parse(completion.choices[0]?.message.content ?? '{}') as { url: string; headers: Record<string, string>; body: { model: string } };
    expect(echoed.url).toBe('echo://local/v1/chat/completions');
    expect(echoed.body.model).toBe('echo-large');
    expect(echoed.headers['x-llm-router']).toBe('1');
    expect(echoed.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(completion)).not.toContain('sk-client-key-0123456789abcdef');
  });

  it('streams to the Anthropic SDK', async () => {
    const client = new Anthropic({ apiKey: 'sk-ant-client-0123456789', baseURL: router.url, maxRetries: 0 });
    const message = await client.messages.stream({ model: 'echo', max_tokens: 64, messages: [{ role: 'user', content: 'hello' }] }).finalMessage();
    expect(message.model).toBe('echo');
    const block = message.content[0];
    expect(block?.type).toBe('text');
    const echoed = JSON.parse(block?.type === 'text' ? block.text : '{}') as { url: string; headers: Record<string, string> };
    expect(echoed.url).toBe('echo://local/v1/messages');
    expect(echoed.headers['x-api-key']).toBeUndefined();
  });
});
