import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFixtureJson, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { CLIENT_KEY, openAIModel, postJson, postDeclaringLength, ROUTER_OPENAI_KEY } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

interface ChatFixture {
  choices: Array<{ message: { content: string } }>;
}
interface CompletionFixture {
  choices: Array<{ text: string }>;
}

const FIXTURE_CONTENT = readFixtureJson<ChatFixture>('openai-chat/basic.response.json').choices[0]?.message.content;
const FIXTURE_COMPLETION_TEXT = readFixtureJson<CompletionFixture>('openai-completions/basic.response.json').choices[0]?.text;
const TOOLS_REQUEST = readFixtureJson<{ tools: OpenAI.Chat.Completions.ChatCompletionTool[] }>('openai-chat/tools.stream.request.json');

const MESSAGES: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are concise.' },
  { role: 'user', content: 'Tell me one fact about octopuses.' },
];

describe('OpenAI passthrough (OpenAI client -> openai upstream)', () => {
  let upstream: MockUpstream;
  let forwarding: MockUpstream;
  let router: RunningRouter;
  let client: OpenAI;

  beforeAll(async () => {
    // The configured upstream only accepts the router's key; the forwarding one only the client's.
    upstream = await startMockOpenAI({ apiKey: ROUTER_OPENAI_KEY });
    forwarding = await startMockOpenAI({ apiKey: CLIENT_KEY });
    router = await startRouter({
      config: {
        models: {
          'gpt-test': openAIModel(upstream, 'gpt-4o-2024-08-06'),
          'gpt-instruct': openAIModel(upstream, 'gpt-3.5-turbo-instruct'),
          'gpt-forward': {
            provider: 'openai',
            endpoint: `${forwarding.origin}/v1`,
            actual_model_name: 'gpt-4.1-mini',
            forward_client_credentials: true,
            retry_config: { max_retries: 0 },
          },
        },
        server: { body_limit_mb: 1 },
      },
    });
    client = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${router.url}/v1`, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await upstream?.close();
    await forwarding?.close();
  });

  beforeEach(() => {
    upstream.reset();
    forwarding.reset();
  });

  it('answers a non-streamed chat completion under the client model name, with the router key upstream', async () => {
    const { data: completion, response } = await client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES }).withResponse();

    expect(response.status).toBe(200);
    expect(completion.model).toBe('gpt-test');
    expect(completion.choices[0]?.message.content).toBe(FIXTURE_CONTENT);
    expect(response.headers.get('x-router-upstream-model')).toBe('gpt-4o-2024-08-06');

    expect(upstream.requests).toHaveLength(1);
    const sent = upstream.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.body).toEqual({ model: 'gpt-4o-2024-08-06', messages: MESSAGES });
    expect(sent.headers['authorization']).toBe(`Bearer ${ROUTER_OPENAI_KEY}`);
    expect(JSON.stringify(sent.headers)).not.toContain(CLIENT_KEY);
  });

  it('streams a chat completion the SDK accumulates, every chunk under the client model name', async () => {
    const chunkModels = new Set<string>();
    const stream = client.chat.completions.stream({ model: 'gpt-test', messages: MESSAGES });
    stream.on('chunk', (chunk) => chunkModels.add(chunk.model));
    const completion = await stream.finalChatCompletion();

    expect(completion.model).toBe('gpt-test');
    expect(completion.choices[0]?.message.content).toBe(FIXTURE_CONTENT);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect([...chunkModels]).toEqual(['gpt-test']);

    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'gpt-4o-2024-08-06', stream: true });
    expect(upstream.requests[0]?.headers['authorization']).toBe(`Bearer ${ROUTER_OPENAI_KEY}`);
  });

  it('streams two parallel tool calls with their fragmented arguments intact', async () => {
    const completion = await client.chat.completions
      .stream({ model: 'gpt-test', messages: [{ role: 'user', content: "What's the weather in Paris and Tokyo right now?" }], tools: TOOLS_REQUEST.tools })
      .finalChatCompletion();

    expect(completion.model).toBe('gpt-test');
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    const calls = completion.choices[0]?.message.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    const functions = calls.map((call) => (call.type === 'function' ? call.function : undefined));
    expect(functions.map((f) => f?.name)).toEqual(['get_weather', 'get_weather']);
    const args = functions.map((f) => JSON.parse(f?.arguments ?? 'null') as { city: string });
    expect(args.map((a) => a.city)).toEqual(['Paris', 'Tokyo']);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
  });

  it('delivers the usage chunk when the client asks for stream_options.include_usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-test',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    const usages: OpenAI.CompletionUsage[] = [];
    let content = '';
    for await (const chunk of stream) {
      expect(chunk.model).toBe('gpt-test');
      content += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usages.push(chunk.usage);
    }
    expect(content).toBe(FIXTURE_CONTENT);
    expect(usages).toEqual([expect.objectContaining({ prompt_tokens: 27, completion_tokens: 23, total_tokens: 50 })]);
    expect(upstream.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('meters a stream whose client did not ask for usage, without showing it the usage chunk', async () => {
    const { data: stream, response } = await client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES, stream: true }).withResponse();
    let content = '';
    let usageChunks = 0;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usageChunks += 1;
    }
    expect(content).toBe(FIXTURE_CONTENT);
    expect(usageChunks).toBe(0);
    // The router asked the upstream for usage on the client's behalf...
    expect(upstream.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    // ...and counted it.
    const line = await router.waitForLog((l) => l['reqId'] === response.headers.get('x-request-id') && l['status'] === 200);
    expect(line).toMatchObject({ inputTokens: 27, outputTokens: 23 });
  });

  it('passes a legacy /v1/completions request through, non-streamed', async () => {
    const { data: completion, response } = await client.completions
      .create({ model: 'gpt-instruct', prompt: 'The capital of France is', max_tokens: 5 })
      .withResponse();

    expect(completion.model).toBe('gpt-instruct');
    expect(completion.choices[0]?.text).toBe(FIXTURE_COMPLETION_TEXT);
    expect(response.headers.get('x-router-upstream-model')).toBe('gpt-3.5-turbo-instruct');
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.path).toBe('/v1/completions');
    expect(upstream.requests[0]?.body).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'The capital of France is', max_tokens: 5 });
  });

  it('passes a legacy /v1/completions request through, streamed', async () => {
    const stream = await client.completions.create({ model: 'gpt-instruct', prompt: 'Write a haiku about rain:\n', max_tokens: 12, stream: true });
    let text = '';
    let chunks = 0;
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.model).toBe('gpt-instruct');
      text += chunk.choices[0]?.text ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(chunks).toBe(12); // the fixture's 12 chunks before [DONE]
    expect(text.startsWith('\nSoft drops on')).toBe(true);
    expect(finishReason).toBe('length');
    expect(upstream.requests[0]?.path).toBe('/v1/completions');
    expect(upstream.requests[0]?.body).toMatchObject({ model: 'gpt-3.5-turbo-instruct', stream: true });
  });

  it('keeps an upstream 400 as it is: status and body reach the SDK as a BadRequestError', async () => {
    upstream.enqueue({ status: 400 });
    const error = await client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toContain("This model's maximum context length is 128000 tokens.");
    expect(apiError.code).toBe('context_length_exceeded');
    expect(apiError.param).toBe('messages');
    expect(apiError.type).toBe('invalid_request_error');
    expect(upstream.requests).toHaveLength(1);
  });

  it("keeps an upstream 401 against the router's own key as a 401, saying it was the router's configured credentials", async () => {
    upstream.enqueue({ status: 401 });
    const error = await client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    const apiError = error as InstanceType<typeof OpenAI.AuthenticationError>;
    expect(apiError.status).toBe(401);
    expect(apiError.message).toContain("upstream refused the router's configured credentials for model 'gpt-test'");
    expect(apiError.message).toContain('Incorrect API key provided');
    expect(upstream.requests).toHaveLength(1);
  });

  it('answers an unknown model with a 404 NotFoundError and never calls an upstream', async () => {
    const error = await client.chat.completions.create({ model: 'no-such-model', messages: MESSAGES }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).status).toBe(404);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).message).toContain('no-such-model');
    expect(upstream.requests).toHaveLength(0);
    expect(forwarding.requests).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 in the OpenAI error shape', async () => {
    const response = await postJson(`${router.url}/v1/chat/completions`, '{"model": "gpt-test", "messages": [', { authorization: `Bearer ${CLIENT_KEY}` });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: { message: unknown; type: unknown } };
    expect(body).toEqual({ error: expect.objectContaining({ message: expect.any(String), type: 'invalid_request_error' }) });
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers a body over server.body_limit_mb with a 413 in the OpenAI error shape', async () => {
    const big = JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'x'.repeat(1.5 * 1024 * 1024) }] });
    const response = await postDeclaringLength(`${router.url}/v1/chat/completions`, big, { authorization: `Bearer ${CLIENT_KEY}` });

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/json');
    const body = JSON.parse(response.text) as { error: { message: unknown } };
    expect(body).toEqual({ error: expect.objectContaining({ message: expect.any(String) }) });
    expect(upstream.requests).toHaveLength(0);
  });

  it('forwards the client key when the model has forward_client_credentials and no api_key', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-forward', messages: MESSAGES });

    expect(completion.model).toBe('gpt-forward');
    expect(forwarding.requests).toHaveLength(1);
    expect(forwarding.requests[0]?.headers['authorization']).toBe(`Bearer ${CLIENT_KEY}`);
    expect(forwarding.requests[0]?.body).toMatchObject({ model: 'gpt-4.1-mini' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('lists the configured models on GET /v1/models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) {
      expect(model.object).toBe('model');
      ids.push(model.id);
    }
    expect(ids.sort()).toEqual(['gpt-forward', 'gpt-instruct', 'gpt-test']);
    expect(upstream.requests).toHaveLength(0);
  });
});
