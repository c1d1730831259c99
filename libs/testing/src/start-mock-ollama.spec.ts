import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Ollama, type ChatRequest, type ChatResponse, type GenerateResponse, type Message, type Tool } from 'ollama';
import { readFixture, readFixtureJson } from './fixture-files.js';
import { exchange } from './http-exchange.spec-helper.js';
import type { JsonObject } from './json-value.js';
import type { MockUpstream } from './mock-upstream.js';
import { startMockOllama } from './start-mock-ollama.js';

const chatRequest = readFixtureJson<ChatRequest & { stream: false }>('ollama/chat.request.json');
const toolsRequest = readFixtureJson<ChatRequest & { tools: Tool[] }>('ollama/chat.tools.request.json');
const messages: Message[] = [{ role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' }];

/** What the official client throws for a non-2xx answer (its class is not exported). */
interface ResponseErrorShape {
  name: string;
  error: string;
  status_code: number;
}

async function rejection(promise: Promise<unknown>): Promise<ResponseErrorShape> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) throw new Error('expected the call to fail');
  return error as ResponseErrorShape;
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('startMockOllama', () => {
  let mock: MockUpstream;
  let client: Ollama;

  beforeAll(async () => {
    mock = await startMockOllama();
    client = new Ollama({ host: mock.origin });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  describe('default answers, through the official ollama client', () => {
    it('answers chat with chat.response.json, echoing the model', async () => {
      const response = await client.chat({ ...chatRequest, model: 'my-llama' });
      expect(response).toEqual({ ...readFixtureJson<object>('ollama/chat.response.json'), model: 'my-llama' });
      expect(mock.requests[0]).toMatchObject({ method: 'POST', path: '/api/chat', body: { model: 'my-llama', stream: false } });
      expect(mock.streamsStarted).toBe(0);
    });

    it('streams chat.stream.ndjson as application/x-ndjson, which the client accumulates', async () => {
      const parts = await collect(await client.chat({ model: 'my-llama', messages, stream: true }));
      expect(parts).toHaveLength(18);
      expect(parts.every((part) => part.model === 'my-llama')).toBe(true);
      expect(parts.map((part) => part.message.content).join('')).toBe('Octopuses have three hearts, and two of them stop beating when they swim.');
      expect(parts.at(-1)).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 38, eval_count: 18 });
      await mock.waitForStreamsCompleted(1);
    });

    it('streams by default when the request has no stream field, byte for byte for the fixture model', async () => {
      const response = await exchange(mock.origin, { path: '/api/chat', body: readFixtureJson('ollama/chat.stream.request.json') });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/x-ndjson');
      expect(response.headers['x-request-id']).toBe('req_mock_1');
      expect(response.body).toBe(readFixture('ollama/chat.stream.ndjson').toString('utf8'));
    });

    it('streams two tool calls with object arguments and done_reason stop when tools are offered (#3, #4)', async () => {
      const parts = await collect(await client.chat({ ...toolsRequest, stream: true }));
      const calls = parts.flatMap((part) => part.message.tool_calls ?? []);
      expect(calls.map((call) => call.function.arguments)).toEqual([
        { city: 'Paris', unit: 'celsius' },
        { city: 'Tokyo', unit: 'celsius' },
      ]);
      expect(parts.at(-1)?.done_reason).toBe('stop');
      const whole: ChatResponse = await client.chat({ ...toolsRequest, stream: false });
      expect(whole.message.tool_calls).toEqual(calls);
      expect(whole).toMatchObject({ model: 'qwen3:8b', done: true, done_reason: 'stop', eval_count: 47 });
    });

    it('answers think:true with chat.think.stream.ndjson, or its accumulation without streaming', async () => {
      const parts = await collect(await client.chat({ model: 'qwen3:8b', messages, think: true, stream: true }));
      expect(parts.map((part) => part.message.thinking ?? '').join('')).toBe('1001 = 7 × 143 = 7 × 11 × 13, so not prime.');
      const whole = await client.chat({ model: 'qwen3:8b', messages, think: true });
      expect(whole.message).toEqual({ role: 'assistant', content: 'No: 1001 = 7 × 11 × 13.', thinking: '1001 = 7 × 143 = 7 × 11 × 13, so not prime.' });
    });

    it('accepts the follow-up turn with tool results and raw base64 images', async () => {
      const followup = readFixtureJson<ChatRequest & { stream: false }>('ollama/chat.tools.followup.request.json');
      await expect(client.chat(followup)).resolves.toMatchObject({ done: true });
      const vision = readFixtureJson<ChatRequest & { stream: false }>('ollama/chat.vision.request.json');
      await expect(client.chat(vision)).resolves.toMatchObject({ model: 'llava:7b' });
    });

    it('answers generate with generate.response.json, and streams generate.stream.ndjson (no context in raw mode)', async () => {
      const request = readFixtureJson<{ model: string; prompt: string; raw: boolean; options: object }>('ollama/generate.request.json');
      const response: GenerateResponse = await client.generate({ ...request, stream: false });
      expect(response).toEqual(readFixtureJson('ollama/generate.response.json'));
      const parts = await collect(await client.generate({ model: 'llama3.2', prompt: 'Write a haiku about rain.', stream: true }));
      expect(parts.map((part) => part.response).join('')).toBe('Soft drops on the roof\nWhispering to the sleeping town\nNight exhales slowly');
      expect(parts.at(-1)?.context).toHaveLength(10);
      const raw = await collect(await client.generate({ model: 'llama3.2', prompt: 'Rain', raw: true, stream: true }));
      expect(raw.at(-1)).not.toHaveProperty('context');
    });

    it('lists tags.response.json and reports a version', async () => {
      expect(await client.list()).toEqual(readFixtureJson('ollama/tags.response.json'));
      expect(await client.version()).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    });
  });

  describe('scripted behaviours', () => {
    it('fails a stream mid-way with error.midstream.ndjson (HTTP 200); the client throws the error text', async () => {
      mock.enqueue({ midstreamError: true });
      const stream = await client.chat({ model: 'llama3.2', messages, stream: true });
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const part of stream) seen.push(part.message.content);
        })(),
      ).rejects.toThrow('an error was encountered while running the model: unexpected EOF');
      expect(seen).toEqual(['Octopuses', ' have']);
    });

    it('fails a generate stream mid-way in generate shape', async () => {
      mock.enqueue({ midstreamError: true });
      const response = await exchange(mock.origin, { path: '/api/generate', body: { model: 'llama3.2', prompt: 'x' } });
      expect(response.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown)).toEqual([
        { model: 'llama3.2', created_at: '2026-11-23T14:05:12.620123456Z', response: 'Octopuses', done: false },
        { model: 'llama3.2', created_at: '2026-11-23T14:05:12.651123456Z', response: ' have', done: false },
        { error: 'an error was encountered while running the model: unexpected EOF' },
      ]);
    });

    it('sends Ollama error bodies for scripted statuses without a body', async () => {
      mock.enqueue({ status: 503 }, { status: 404 }, { status: 400 }, { status: 429, headers: { 'retry-after': '2' } });
      expect(await rejection(client.chat(chatRequest))).toMatchObject({
        name: 'ResponseError',
        status_code: 503,
        error: 'server busy, please try again.  maximum pending requests exceeded',
      });
      expect(await rejection(client.chat({ ...chatRequest, model: 'llama3.3:70b' }))).toMatchObject({ status_code: 404, error: "model 'llama3.3:70b' not found" });
      expect(await rejection(client.chat(chatRequest))).toMatchObject({ status_code: 400, error: readFixtureJson<{ error: string }>('ollama/error.400.json').error });
      const limited = await exchange(mock.origin, { path: '/api/chat', body: chatRequest });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('2');
    });

    it('spaces NDJSON lines by chunkDelayMs, one write each, and lets a stalled stream be aborted', async () => {
      const slow = await startMockOllama({ chunkDelayMs: 10 });
      try {
        const response = await exchange(slow.origin, { path: '/api/generate', body: { model: 'llama3.2', prompt: 'x' } });
        expect(response.chunks.length).toBe(18);
        expect((response.chunks.at(-1)?.at ?? 0) - (response.chunks[0]?.at ?? 0)).toBeGreaterThanOrEqual(150);

        slow.enqueue({ stallAfterFrames: 2 });
        const slowClient = new Ollama({ host: slow.origin });
        const stream = await slowClient.chat({ model: 'llama3.2', messages, stream: true });
        const iterator = stream[Symbol.asyncIterator]();
        await iterator.next();
        await iterator.next();
        stream.abort();
        await slow.waitForClientAbort();
        expect(slow.clientAborts).toBe(1);
      } finally {
        await slow.close();
      }
    });
  });

  describe('strictness', () => {
    it('refuses content parts, data: images and string tool arguments with 400s worded like Ollama', async () => {
      const parts = await exchange(mock.origin, { path: '/api/chat', body: { model: 'llama3.2', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] } });
      expect(parts.status).toBe(400);
      expect(JSON.parse(parts.body)).toEqual({ error: 'json: cannot unmarshal array into Go struct field Message.messages.content of type string' });

      const image = await rejection(client.chat({ model: 'llava:7b', messages: [{ role: 'user', content: 'Describe', images: ['data:image/png;base64,iVBORw0KGgo='] }] }));
      expect(image).toMatchObject({ status_code: 400, error: 'illegal base64 data at input byte 4' });

      const followup = readFixtureJson<JsonObject>('ollama/chat.tools.followup.request.json');
      const body = JSON.parse(JSON.stringify(followup).replace('"arguments":{"city":"Paris","unit":"celsius"}', '"arguments":"{\\"city\\":\\"Paris\\"}"')) as JsonObject;
      const stringArgs = await exchange(mock.origin, { path: '/api/chat', body });
      expect(stringArgs.status).toBe(400);
      expect(JSON.parse(stringArgs.body).error).toMatch(/^json: cannot unmarshal string into Go struct field ToolCallFunction\.messages\.tool_calls\.function\.arguments/);
    });

    it('refuses unknown fields, non-object options, missing models, empty and non-JSON bodies', async () => {
      const cases: Array<[unknown, string]> = [
        [{ ...chatRequest, n: 2 }, 'json: unknown field "n"'],
        [{ ...chatRequest, options: [1] }, 'json: cannot unmarshal array into Go struct field ChatRequest.options of type map[string]interface {}'],
        [{ messages }, 'model is required'],
        ['', 'missing request body'],
        ['model=llama3.2', "invalid character 'm' looking for beginning of value"],
        [[chatRequest], 'json: cannot unmarshal array into Go value of type api.ChatRequest'],
      ];
      for (const [body, error] of cases) {
        const response = await exchange(mock.origin, { path: '/api/chat', body });
        expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({ status: 400, body: { error } });
      }
    });

    it('answers unknown paths 404 and wrong methods 405', async () => {
      expect((await exchange(mock.origin, { path: '/v1/chat/completions', body: chatRequest })).status).toBe(404);
      const wrongMethod = await exchange(mock.origin, { method: 'GET', path: '/api/chat' });
      expect(wrongMethod.status).toBe(405);
      expect(JSON.parse(wrongMethod.body)).toEqual({ error: '405 method not allowed' });
    });

    it('does not consume the script with a refused request', async () => {
      mock.enqueue({ status: 500 });
      expect((await exchange(mock.origin, { path: '/api/chat', body: { ...chatRequest, stream: 'no' } })).status).toBe(400);
      expect(await rejection(client.chat(chatRequest))).toMatchObject({ status_code: 500 });
      expect(mock.requests).toHaveLength(2);
    });
  });

  describe('options', () => {
    it('with models: lists them, accepts them with the default tag, and answers 404 for others', async () => {
      const installed = await startMockOllama({ models: ['llama3.2', 'mistral:7b'] });
      try {
        const local = new Ollama({ host: installed.origin });
        expect((await local.list()).models.map((model) => model.name)).toEqual(['llama3.2:latest', 'mistral:7b']);
        await expect(local.chat({ ...chatRequest, model: 'llama3.2:latest' })).resolves.toMatchObject({ model: 'llama3.2:latest' });
        await expect(local.generate({ model: 'mistral:7b', prompt: 'x', stream: false })).resolves.toMatchObject({ done: true });
        expect(await rejection(local.chat({ ...chatRequest, model: 'llama3.3:70b' }))).toMatchObject({
          status_code: 404,
          error: readFixtureJson<{ error: string }>('ollama/error.404.json').error,
        });
      } finally {
        await installed.close();
      }
    });

    it('with apiKey: requires the Bearer token (Ollama behind an auth proxy)', async () => {
      const guarded = await startMockOllama({ apiKey: 'secret' });
      try {
        expect(await rejection(new Ollama({ host: guarded.origin }).chat(chatRequest))).toMatchObject({ status_code: 401, error: 'unauthorized' });
        const authorized = new Ollama({ host: guarded.origin, headers: { Authorization: 'Bearer secret' } });
        await expect(authorized.chat(chatRequest)).resolves.toMatchObject({ done: true });
      } finally {
        await guarded.close();
      }
    });
  });
});
