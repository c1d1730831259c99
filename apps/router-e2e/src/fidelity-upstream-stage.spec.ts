import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockOllama, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { anthropicClient, openaiClient } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

/**
 * `stage: upstream` transformations run on the body in the upstream's wire format, after translation
 * (or, on passthrough, after aliasing), just before it is sent: the only way to set Ollama's
 * `options.num_ctx` / `keep_alive`, which no client format has. `stage: request` (the default) still runs
 * on the client's body before translation.
 */
const OLLAMA_RULES = [
  { name: 'ctx', type: 'jsonpath_add', path: '$.options.num_ctx', value: 32768, stage: 'upstream' },
  { name: 'keep', type: 'jsonpath_add', path: '$.keep_alive', value: '30m', stage: 'upstream' },
  // Request stage: `temperature` is top-level in both client formats; Ollama wants it in `options`. The
  // strict mock refuses a top-level `temperature`, so seeing it in `options` proves where the rule ran.
  { name: 'temp', type: 'jsonpath_add', path: '$.temperature', value: 0.25 },
];

describe('fidelity: upstream-stage transformations', () => {
  let ollama: MockUpstream;
  let openai: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    ollama = await startMockOllama();
    openai = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: {
          'llama-ctx': { provider: 'ollama', endpoint: ollama.origin, actual_model_name: 'llama3.2', retry_config: { max_retries: 0 }, transformations: OLLAMA_RULES },
          'gpt-upstream': {
            provider: 'openai',
            endpoint: `${openai.origin}/v1`,
            actual_model_name: 'gpt-4.1-mini',
            retry_config: { max_retries: 0 },
            transformations: [
              // Passthrough: runs after aliasing, so it sees (and may rewrite) the upstream's model name.
              { name: 'tier', type: 'regex_replace', pattern: '^gpt-4\\.1-mini$', replacement: 'gpt-4.1-mini-2025-04-14', stage: 'upstream' },
              { name: 'user', type: 'jsonpath_add', path: '$.user', value: 'via-router', stage: 'upstream' },
            ],
          },
        },
      },
    });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await ollama?.close();
    await openai?.close();
  });

  beforeEach(() => {
    ollama.reset();
    openai.reset();
  });

  const ollamaBody = (): Record<string, unknown> => {
    expect(ollama.requests).toHaveLength(1);
    expect(ollama.requests[0]?.path).toBe('/api/chat');
    return ollama.requests[0]?.body as Record<string, unknown>;
  };

  it('an Anthropic client reaches Ollama with options.num_ctx and keep_alive set', async () => {
    const message = await anthropicClient(router).messages.create({ model: 'llama-ctx', max_tokens: 64, messages: [{ role: 'user', content: 'hello' }] });
    expect(message.model).toBe('llama-ctx');
    const body = ollamaBody();
    expect(body['options']).toEqual(expect.objectContaining({ num_ctx: 32768, temperature: 0.25 }));
    expect(body['keep_alive']).toBe('30m');
    expect(body).not.toHaveProperty('temperature');
  });

  it('an OpenAI client (streaming) reaches Ollama with the same upstream fields', async () => {
    const stream = await openaiClient(router).chat.completions.create({ model: 'llama-ctx', stream: true, messages: [{ role: 'user', content: 'hello' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    const body = ollamaBody();
    expect(body['options']).toEqual(expect.objectContaining({ num_ctx: 32768, temperature: 0.25 }));
    expect(body['keep_alive']).toBe('30m');
    expect(body).not.toHaveProperty('temperature');
  });

  it('on passthrough, upstream-stage rules run after aliasing, on the body as sent', async () => {
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-upstream', messages: [{ role: 'user', content: 'hello' }] });
    expect(completion.model).toBe('gpt-upstream');
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0]?.body).toEqual({ model: 'gpt-4.1-mini-2025-04-14', messages: [{ role: 'user', content: 'hello' }], user: 'via-router' });
  });
});
