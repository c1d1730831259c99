import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { anthropicClient, openaiClient } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const GLOBAL_RULES = [
  { name: 'redact-secrets', type: 'regex_replace', pattern: 'secret-[a-z0-9]+', replacement: '[redacted]', flags: 'IGNORECASE' },
  { name: 'drop-user', type: 'jsonpath_drop', path: '$.user' },
  { name: 'disabled-replace', type: 'regex_replace', enabled: false, pattern: 'hello', replacement: 'GOODBYE' },
  { name: 'disabled-drop', type: 'jsonpath_drop', enabled: false, path: '$.temperature' },
  { name: 'stage-a', type: 'jsonpath_add', path: '$.metadata.stage', value: 'stage-a' },
];

/** Runs after the global list: turns the global rule's `stage-a` into `stage-b`, so order is visible. */
const MODEL_RULES = [
  { name: 'stage-b', type: 'regex_replace', pattern: 'stage-a', replacement: 'stage-b' },
  { name: 'add-source', type: 'jsonpath_add', path: '$.metadata.source', value: 'llm-router' },
  { name: 'drop-internal', type: 'jsonpath_drop', path: '$.metadata.internal' },
  { name: 'swap-digits', type: 'regex_replace', pattern: 'code (\\d{3})-(\\d{4})', replacement: 'code \\2-\\1' },
];

const CLIENT_BODY = {
  messages: [
    { role: 'system' as const, content: 'hello, keep SECRET-ABC123 private' },
    {
      role: 'user' as const,
      content: [
        { type: 'text' as const, text: 'hello there, my Secret-xyz789 and code 123-4567' },
        { type: 'text' as const, text: 'nothing to hide' },
      ],
    },
  ],
  user: 'user-to-drop',
  temperature: 0.5,
  metadata: { internal: 'drop me', 'secret-key': 'secret-value1' },
};

describe('transformations (observed at the upstream)', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic();
    router = await startRouter({
      config: {
        transformations: GLOBAL_RULES,
        models: {
          'gpt-tx': { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1-mini', transformations: MODEL_RULES },
          'gpt-plain': { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1-mini' },
          'echo-tx': { provider: 'echo', actual_model_name: 'gpt-4.1-mini', transformations: MODEL_RULES },
          'claude-tx': {
            provider: 'anthropic',
            endpoint: anthropic.origin,
            actual_model_name: 'claude-haiku-4-5',
            // Runs after the global `stage-a` add: Anthropic metadata may carry only user_id.
            transformations: [{ name: 'drop-metadata', type: 'jsonpath_drop', path: '$.metadata' }],
          },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await anthropic?.close();
  }, 20_000);
  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  const upstreamBody = () => {
    expect(openai.requests).toHaveLength(1);
    return openai.requests[0]?.body as Record<string, unknown> & { messages: Array<{ content: unknown }>; metadata?: Record<string, unknown> };
  };

  it('applies global then model rules, in order, with the alias still applied', async () => {
    const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-tx', ...CLIENT_BODY });
    expect(completion.model).toBe('gpt-tx');
    const body = upstreamBody();

    // actual_model_name
    expect(body['model']).toBe('gpt-4.1-mini');
    // regex_replace with IGNORECASE, in a string content and in nested content parts
    expect(body.messages[0]?.content).toBe('hello, keep [redacted] private');
    expect(body.messages[1]?.content).toEqual([
      { type: 'text', text: 'hello there, my [redacted] and code 4567-123' },
      { type: 'text', text: 'nothing to hide' },
    ]);
    // jsonpath_drop
    expect(body).not.toHaveProperty('user');
    // disabled rules do nothing
    expect(JSON.stringify(body)).not.toContain('GOODBYE');
    expect(body['temperature']).toBe(0.5);
    // jsonpath_add (global) then the model's regex on its result, then the model's add and drop;
    // keys are never rewritten by regex_replace, values are
    expect(body.metadata).toEqual({ stage: 'stage-b', source: 'llm-router', 'secret-key': '[redacted]' });
  });

  it('a model without its own rules gets only the global ones', async () => {
    await openaiClient(router).chat.completions.create({ model: 'gpt-plain', ...CLIENT_BODY });
    const body = upstreamBody();
    expect(body['model']).toBe('gpt-4.1-mini');
    expect(body.messages[0]?.content).toBe('hello, keep [redacted] private');
    expect(body).not.toHaveProperty('user');
    expect(body.metadata).toEqual({ stage: 'stage-a', internal: 'drop me', 'secret-key': '[redacted]' });
    expect(JSON.stringify(body)).toContain('code 123-4567');
  });

  it('jsonpath_add creates missing parents when the client sent no metadata', async () => {
    await openaiClient(router).chat.completions.create({ model: 'gpt-tx', messages: [{ role: 'user', content: 'hi' }] });
    expect(upstreamBody().metadata).toEqual({ stage: 'stage-b', source: 'llm-router' });
  });

  it('the same rules apply to streamed requests', async () => {
    const stream = await openaiClient(router).chat.completions.create({ model: 'gpt-tx', ...CLIENT_BODY, stream: true });
    let text = '';
    for await (const chunk of stream) {
      expect(chunk.model).toBe('gpt-tx');
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    const body = upstreamBody();
    expect(body['stream']).toBe(true);
    expect(body.messages[0]?.content).toBe('hello, keep [redacted] private');
    expect(body.metadata).toEqual({ stage: 'stage-b', source: 'llm-router', 'secret-key': '[redacted]' });
  });

  it('the echo provider shows exactly the body the mock received', async () => {
    await openaiClient(router).chat.completions.create({ model: 'gpt-tx', ...CLIENT_BODY });
    const sent = upstreamBody();
    const completion = await openaiClient(router).chat.completions.create({ model: 'echo-tx', ...CLIENT_BODY });
    expect(completion.model).toBe('echo-tx');
    const echoed = JSON.parse(completion.choices[0]?.message.content ?? '{}') as { body: unknown };
    expect(echoed.body).toEqual(sent);
  });

  it('Anthropic client: regex in nested content blocks and in system, global add then model drop', async () => {
    const message = await anthropicClient(router).messages.create({
      model: 'claude-tx',
      max_tokens: 64,
      system: 'keep secret-SYS1 private',
      metadata: { user_id: 'user-1' },
      messages: [{ role: 'user', content: [{ type: 'text', text: 'my SECRET-abc and hello' }] }],
    });
    expect(message.model).toBe('claude-tx');
    expect(anthropic.requests).toHaveLength(1);
    const body = anthropic.requests[0]?.body as Record<string, unknown>;
    expect(body['model']).toBe('claude-haiku-4-5');
    expect(body['system']).toBe('keep [redacted] private');
    expect(body['messages']).toEqual([{ role: 'user', content: [{ type: 'text', text: 'my [redacted] and hello' }] }]);
    expect(body).not.toHaveProperty('metadata');
  });
});
