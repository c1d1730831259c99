import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { CompletionCreateParamsNonStreaming, CompletionCreateParamsStreaming } from 'openai/resources/completions';
import { readFixture, readFixtureJson } from './fixture-files.js';
import { exchange, sseData } from './http-exchange.spec-helper.js';
import type { MockUpstream } from './mock-upstream.js';
import { startMockOpenAI } from './start-mock-openai.js';

const KEY = 'sk-proj-mock-0123456789abcd';
const chatRequest = readFixtureJson<ChatCompletionCreateParamsNonStreaming>('openai-chat/basic.request.json');
const chatStreamRequest = readFixtureJson<ChatCompletionCreateParamsStreaming>('openai-chat/basic.stream.request.json');
const toolsStreamRequest = readFixtureJson<ChatCompletionCreateParamsStreaming>('openai-chat/tools.stream.request.json');
const basicText = 'Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.';

describe('startMockOpenAI', () => {
  let mock: MockUpstream;
  let client: OpenAI;
  const auth = { authorization: `Bearer ${KEY}` };

  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: KEY });
    client = new OpenAI({ apiKey: KEY, baseURL: `${mock.origin}/v1`, maxRetries: 0 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  describe('default answers, through the official SDK', () => {
    it('answers a chat completion with basic.response.json, echoing the requested model and an x-request-id', async () => {
      const { data, request_id } = await client.chat.completions.create({ ...chatRequest, model: 'my-alias' }).withResponse();
      expect(data.model).toBe('my-alias');
      expect(data.choices[0]?.message.content).toBe(basicText);
      expect(data.usage?.total_tokens).toBe(50);
      expect(request_id).toBe('req_mock_1');
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', query: '', body: { ...chatRequest, model: 'my-alias' } });
      expect(mock.requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    });

    it('streams basic.stream.sse that finalChatCompletion() accumulates, usage included when asked', async () => {
      const stream = client.chat.completions.stream({ ...chatStreamRequest, model: 'my-alias' });
      const final = await stream.finalChatCompletion();
      expect(final.model).toBe('my-alias');
      expect(final.choices[0]?.message.content).toBe(basicText);
      expect(final.choices[0]?.finish_reason).toBe('stop');
      expect(final.usage?.prompt_tokens).toBe(27);
      expect(mock.streamsCompleted).toBe(1);
    });

    it('omits the usage chunk and the usage keys when include_usage is not set', async () => {
      const chunks = [];
      const stream = await client.chat.completions.create({ model: 'gpt-4.1-mini', messages: chatRequest.messages, stream: true });
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks).toHaveLength(25);
      expect(chunks.every((c) => c.choices.length === 1 && !('usage' in c))).toBe(true);
      expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    });

    it('sends basic.stream.sse byte for byte when the request names the fixture model and asks for usage', async () => {
      const response = await exchange(mock.origin, { path: '/v1/chat/completions', headers: auth, body: { ...chatStreamRequest, model: 'gpt-4.1-mini-2025-04-14' } });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(response.headers['x-request-id']).toBe('req_mock_1');
      expect(response.body).toBe(readFixture('openai-chat/basic.stream.sse').toString('utf8'));
    });

    it('drops the obfuscation padding when include_obfuscation is false', async () => {
      const body = { ...chatStreamRequest, stream_options: { include_usage: true, include_obfuscation: false } };
      const response = await exchange(mock.origin, { path: '/v1/chat/completions', headers: auth, body });
      const chunks = sseData(response.body).filter((d) => typeof d === 'object');
      expect(chunks.length).toBeGreaterThan(20);
      expect(chunks.some((c) => 'obfuscation' in (c as object))).toBe(false);
    });

    it('streams two parallel tool calls when tools are offered', async () => {
      const final = await client.chat.completions.stream(toolsStreamRequest).finalChatCompletion();
      const calls = final.choices[0]?.message.tool_calls ?? [];
      expect(final.choices[0]?.finish_reason).toBe('tool_calls');
      expect(calls.map((c) => (c.type === 'function' ? JSON.parse(c.function.arguments) : undefined))).toEqual([
        { city: 'Paris', unit: 'celsius' },
        { city: 'Tokyo', unit: 'celsius' },
      ]);
    });

    it('answers tools.response.json without streaming, and the basic answer when tool_choice is "none"', async () => {
      const { stream: _stream, stream_options: _options, ...nonStream } = toolsStreamRequest;
      const withTools = await client.chat.completions.create({ ...nonStream, stream: false });
      expect(withTools.choices[0]?.message.tool_calls).toHaveLength(2);
      const noTools = await client.chat.completions.create({ ...nonStream, stream: false, tool_choice: 'none' });
      expect(noTools.choices[0]?.message.content).toBe(basicText);
    });

    it('answers legacy completions, streamed and not', async () => {
      const request = readFixtureJson<CompletionCreateParamsNonStreaming>('openai-completions/basic.request.json');
      const completion = await client.completions.create({ ...request, model: 'instruct-alias' });
      expect(completion).toMatchObject({ object: 'text_completion', model: 'instruct-alias', choices: [{ text: ' Paris.' }] });

      const streamRequest = readFixtureJson<CompletionCreateParamsStreaming>('openai-completions/stream.request.json');
      let text = '';
      const chunks = [];
      const stream = await client.completions.create({ ...streamRequest, stream_options: { include_usage: true } });
      for await (const chunk of stream) {
        chunks.push(chunk);
        text += chunk.choices[0]?.text ?? '';
      }
      expect(text).toBe('\nSoft drops on the roof\nwhispering to the sleeping');
      expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 12 } });
      expect(chunks.slice(0, -1).every((c) => c.usage === null && c.model === 'gpt-3.5-turbo-instruct')).toBe(true);
    });

    it('lists models', async () => {
      const page = await client.models.list();
      expect(page.data.map((m) => m.id)).toEqual(['gpt-4.1-mini', 'gpt-3.5-turbo-instruct']);
    });
  });

  describe('strictness', () => {
    it('refuses a wrong key (401 AuthenticationError, code invalid_api_key) and a missing one', async () => {
      const wrong = new OpenAI({ apiKey: 'sk-proj-wrongkey9876', baseURL: `${mock.origin}/v1`, maxRetries: 0 });
      const error = await wrong.chat.completions.create(chatRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
      expect((error as Error).message).toContain('Incorrect API key provided: sk-proj-****9876');

      const missing = await exchange(mock.origin, { path: '/v1/chat/completions', body: chatRequest });
      expect(missing.status).toBe(401);
      expect(JSON.parse(missing.body).error.message).toMatch(/^You didn't provide an API key/);
    });

    it('refuses an unknown parameter with a 400 BadRequestError naming it', async () => {
      const body = { ...chatRequest, max_output_tokens: 10 };
      const error = await client.chat.completions.create(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param: null });
      expect((error as Error).message).toContain('Unrecognized request argument supplied: max_output_tokens');
    });

    it('refuses stream_options without stream, Anthropic content parts and an unknown path', async () => {
      const options = await exchange(mock.origin, { path: '/v1/chat/completions', headers: auth, body: { ...chatRequest, stream_options: { include_usage: true } } });
      expect(options.status).toBe(400);
      expect(JSON.parse(options.body)).toEqual({
        error: { message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.", type: 'invalid_request_error', param: 'stream_options', code: null },
      });
      const parts = await exchange(mock.origin, {
        path: '/v1/chat/completions',
        headers: auth,
        body: { model: 'm', messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x' }] }] },
      });
      expect(parts.status).toBe(400);
      expect(JSON.parse(parts.body).error.param).toBe('messages[0].content[0].type');
      const unknown = await exchange(mock.origin, { method: 'GET', path: '/v1/chat/completion', headers: auth });
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.body).error.message).toBe('Invalid URL (GET /v1/chat/completion)');
    });

    it('refuses bodies that are not JSON or not sent as application/json, and records them all', async () => {
      const broken = await exchange(mock.origin, { path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, body: '{"model":' });
      expect(broken.status).toBe(400);
      expect(JSON.parse(broken.body).error.message).toMatch(/^We could not parse the JSON body of your request/);
      const plain = await exchange(mock.origin, { path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'text/plain' }, body: JSON.stringify(chatRequest) });
      expect(plain.status).toBe(400);
      expect(mock.requests.map((r) => [r.rawBody.slice(0, 9), r.body === undefined])).toEqual([
        ['{"model":', true],
        ['{"model":', false],
      ]);
    });
  });

  describe('scripted errors, through the official SDK', () => {
    it('turns an enqueued 429 with retry-after into a RateLimitError with the fixture body', async () => {
      mock.enqueue({ status: 429, headers: { 'retry-after': '1' } });
      const error = await client.chat.completions.create(chatRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('1');
    });

    it('lets the SDK retry through two 503s to the default answer; invalid requests do not consume the queue', async () => {
      mock.enqueue({ status: 503, headers: { 'retry-after-ms': '1' } }, { status: 503, headers: { 'retry-after-ms': '1' } });
      const invalid = await exchange(mock.origin, { path: '/v1/chat/completions', headers: auth, body: { model: 'm', messages: [] } });
      expect(invalid.status).toBe(400);
      const retrying = new OpenAI({ apiKey: KEY, baseURL: `${mock.origin}/v1`, maxRetries: 2 });
      const completion = await retrying.chat.completions.create(chatRequest);
      expect(completion.choices[0]?.message.content).toBe(basicText);
      expect(mock.requests).toHaveLength(4);
    });

    it('makes the SDK stream throw on midstreamError after the first deltas', async () => {
      mock.enqueue({ midstreamError: true });
      const received: string[] = [];
      const failure = (async () => {
        const stream = await client.chat.completions.create({ ...chatRequest, stream: true });
        for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
      })();
      await expect(failure).rejects.toThrow('The server had an error while processing your request');
      expect(received.join('')).toBe('Octopuses have');
    });
  });
});
