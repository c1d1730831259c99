import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFixtureJson, startMockOllama, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { CLIENT_KEY, openAIModel, postJson } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

/**
 * `POST /v1/messages/count_tokens` for a model whose upstream has no such endpoint: the estimate is the
 * one a translated stream's `message_start` shows (the prompt's text as the model reads it, not its
 * JSON), so Claude Code's `/context` and the stream agree. A body the codec refuses is a 400 in
 * Anthropic's format.
 */
const ANTHROPIC_HEADERS = { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' };

interface MessagesBody {
  system?: unknown;
  messages: unknown[];
  tools?: unknown[];
}

describe('fidelity: count_tokens estimates agree with message_start', () => {
  let openai: MockUpstream;
  let ollama: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    ollama = await startMockOllama();
    router = await startRouter({
      config: {
        models: {
          'gpt-for-claude': openAIModel(openai, 'gpt-4.1-mini'),
          'llama-for-claude': { provider: 'ollama', endpoint: ollama.origin, actual_model_name: 'llama3.2', retry_config: { max_retries: 0 } },
        },
      },
    });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await ollama?.close();
  });

  const messageStartTokens = async (model: string, body: MessagesBody): Promise<number> => {
    const response = await postJson(`${router.url}/v1/messages`, { ...body, model, max_tokens: 64, stream: true }, ANTHROPIC_HEADERS);
    expect(response.status).toBe(200);
    const text = await response.text();
    const start = /event: message_start\ndata: (.*)\n/.exec(text)?.[1];
    expect(start).toBeDefined();
    return (JSON.parse(start!) as { message: { usage: { input_tokens: number } } }).message.usage.input_tokens;
  };

  const countTokens = async (model: string, body: unknown): Promise<Response> =>
    postJson(`${router.url}/v1/messages/count_tokens`, typeof body === 'object' && body !== null ? { ...body, model } : body, ANTHROPIC_HEADERS);

  const TOOLS_BODY = readFixtureJson<MessagesBody & { model: string; max_tokens: number }>('anthropic/tools.stream.request.json');
  const BODIES: Array<[string, MessagesBody]> = [
    ['a short prompt with a system prompt', { system: 'You are concise.', messages: [{ role: 'user', content: 'Tell me one fact about octopuses.' }] }],
    ['a prompt with tools', { system: TOOLS_BODY.system, messages: TOOLS_BODY.messages, tools: TOOLS_BODY.tools }],
  ];

  it.each(BODIES)('%s: the same estimate as message_start, for an OpenAI and an Ollama upstream', async (_name, body) => {
    for (const model of ['gpt-for-claude', 'llama-for-claude']) {
      const response = await countTokens(model, body);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-router-token-count')).toContain('estimate');
      const { input_tokens } = (await response.json()) as { input_tokens: number };
      expect(input_tokens).toBe(await messageStartTokens(model, body));
    }
  });

  it('a body the Anthropic codec refuses is a 400 in Anthropic format, and no upstream is called', async () => {
    openai.reset();
    const response = await countTokens('gpt-for-claude', { messages: [{ role: 'robot', content: 'hi' }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('role');
    expect(openai.requests).toHaveLength(0);
  });
});
