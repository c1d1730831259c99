import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCountTokensParams, MessageCreateParamsNonStreaming, MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import { readFixture, readFixtureJson } from './fixture-files.js';
import { exchange, sseEvents } from './http-exchange.spec-helper.js';
import type { MockUpstream } from './mock-upstream.js';
import { startMockAnthropic } from './start-mock-anthropic.js';

const KEY = 'sk-ant-mock-key';
const basicRequest = readFixtureJson<MessageCreateParamsNonStreaming>('anthropic/basic.request.json');
const basicStreamRequest = readFixtureJson<MessageCreateParamsStreaming>('anthropic/basic.stream.request.json');
const headers = { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' };

describe('startMockAnthropic', () => {
  let mock: MockUpstream;
  let client: Anthropic;

  beforeAll(async () => {
    mock = await startMockAnthropic({ apiKey: KEY });
    client = new Anthropic({ apiKey: KEY, baseURL: mock.origin, maxRetries: 0 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  describe('default answers, through the official SDK', () => {
    it('answers messages.create with basic.response.json, echoing the model, with a request-id', async () => {
      const { data, request_id } = await client.messages.create({ ...basicRequest, model: 'my-claude' }).withResponse();
      expect(data).toEqual({ ...readFixtureJson<object>('anthropic/basic.response.json'), model: 'my-claude' });
      expect(request_id).toBe('req_mock_1');
      expect(mock.requests[0]?.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
    });

    it('streams basic.stream.sse that messages.stream().finalMessage() accumulates, model in message_start', async () => {
      const final = await client.messages.stream({ ...basicStreamRequest, model: 'my-claude' }).finalMessage();
      const expected = readFixtureJson<Anthropic.Message>('anthropic/basic.response.json');
      expect(final.model).toBe('my-claude');
      expect(final.content).toEqual(expected.content);
      expect(final.stop_reason).toBe('end_turn');
      expect(final.usage.output_tokens).toBe(26);
      expect(mock.streamsCompleted).toBe(1);
    });

    it('sends basic.stream.sse byte for byte when the request names the fixture model', async () => {
      const response = await exchange(mock.origin, { path: '/v1/messages', headers, body: { ...basicStreamRequest, model: 'claude-haiku-4-5-20251001' } });
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(response.headers['request-id']).toBe('req_mock_1');
      expect(response.body).toBe(readFixture('anthropic/basic.stream.sse').toString('utf8'));
      expect(sseEvents(response.body).every((e) => e.event === (JSON.parse(e.data) as { type: string }).type)).toBe(true);
    });

    it('streams two tool_use blocks when tools are offered, and answers tools.response.json without streaming', async () => {
      const request = readFixtureJson<MessageCreateParamsStreaming>('anthropic/tools.stream.request.json');
      const final = await client.messages.stream(request).finalMessage();
      expect(final.stop_reason).toBe('tool_use');
      expect(final.content.filter((b) => b.type === 'tool_use').map((b) => b.input)).toEqual([
        { city: 'Paris', unit: 'celsius' },
        { city: 'Tokyo', unit: 'celsius' },
      ]);
      const { stream: _stream, ...nonStream } = request;
      const message = await client.messages.create(nonStream);
      expect(message).toEqual({ ...readFixtureJson<object>('anthropic/tools.response.json'), model: request.model });
    });

    it('streams thinking.stream.sse, whose accumulation equals thinking.response.json, the non-streaming answer', async () => {
      const request = readFixtureJson<MessageCreateParamsStreaming>('anthropic/thinking.stream.request.json');
      const streamed = await client.messages.stream(request).finalMessage();
      const expected = { ...readFixtureJson<object>('anthropic/thinking.response.json'), model: request.model };
      expect(streamed).toMatchObject(expected); // the SDK's accumulator adds parsed_output and stop_details
      expect(streamed.content.map((b) => b.type)).toEqual(['thinking', 'text']);
      const { stream: _stream, ...nonStream } = request;
      expect(await client.messages.create(nonStream)).toEqual(expected);
    });

    it('counts tokens, also with the ?beta=true query Claude Code sends', async () => {
      const request = readFixtureJson<MessageCountTokensParams>('anthropic/count_tokens.request.json');
      expect(await client.messages.countTokens(request)).toEqual({ input_tokens: 412 });
      const beta = await exchange(mock.origin, { path: '/v1/messages/count_tokens?beta=true', headers, body: request });
      expect(JSON.parse(beta.body)).toEqual({ input_tokens: 412 });
      expect(mock.requests[1]).toMatchObject({ path: '/v1/messages/count_tokens', query: 'beta=true' });
    });

    it('accepts the key as a Bearer token (SDK 1.x style)', async () => {
      const bearer = new Anthropic({ apiKey: null, authToken: KEY, baseURL: mock.origin, maxRetries: 0 });
      const message = await bearer.messages.create(basicRequest);
      expect(message.type).toBe('message');
      expect(mock.requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    });
  });

  describe('strictness', () => {
    it('refuses a wrong x-api-key with a 401 AuthenticationError in Anthropic shape', async () => {
      const wrong = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: mock.origin, maxRetries: 0 });
      const error = await wrong.messages.create(basicRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
      expect((error as InstanceType<typeof Anthropic.AuthenticationError>).error).toEqual({
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
        request_id: 'req_mock_1',
      });
    });

    it('refuses a missing anthropic-version header with 400', async () => {
      const response = await exchange(mock.origin, { path: '/v1/messages', headers: { 'x-api-key': KEY }, body: basicRequest });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error).toEqual({ type: 'invalid_request_error', message: 'anthropic-version: header is required' });
    });

    it('refuses a missing max_tokens with the shape of error.400.json', async () => {
      const { max_tokens: _max, ...withoutMax } = basicRequest;
      const error = await client.messages.create(withoutMax as MessageCreateParamsNonStreaming).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      const expected = { ...readFixtureJson<object>('anthropic/error.400.json'), request_id: 'req_mock_1' };
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toEqual(expected);
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).requestID).toBe('req_mock_1');
    });

    it('refuses an unknown top-level field and a system role inside messages', async () => {
      const extra = await client.messages.create({ ...basicRequest, n: 2 } as MessageCreateParamsNonStreaming).catch((e: unknown) => e);
      expect(extra).toBeInstanceOf(Anthropic.BadRequestError);
      expect((extra as Error).message).toContain('n: Extra inputs are not permitted');
      const messages = [{ role: 'system', content: 'Be brief.' }, ...basicRequest.messages];
      const system = await client.messages.create({ ...basicRequest, messages } as MessageCreateParamsNonStreaming).catch((e: unknown) => e);
      expect(system).toBeInstanceOf(Anthropic.BadRequestError);
      expect((system as Error).message).toContain("messages.0.role: Input should be 'user' or 'assistant'");
    });

    it('answers an unknown path with 404 not_found_error', async () => {
      const response = await exchange(mock.origin, { path: '/v1/complete', headers, body: basicRequest });
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ type: 'error', error: { type: 'not_found_error' }, request_id: 'req_mock_1' });
    });
  });

  describe('scripted errors, through the official SDK', () => {
    it('turns an enqueued 429 with retry-after into a RateLimitError', async () => {
      mock.enqueue({ status: 429, headers: { 'retry-after': '1' } });
      const error = await client.messages.create(basicRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.RateLimitError);
      const rateLimit = error as InstanceType<typeof Anthropic.RateLimitError>;
      expect(rateLimit.headers?.get('retry-after')).toBe('1');
      expect(rateLimit.error).toMatchObject({ error: { type: 'rate_limit_error' } });
    });

    it('sends error.529.json for an enqueued 529', async () => {
      mock.enqueue({ status: 529 });
      const error = await client.messages.create(basicRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.APIError);
      expect(error).toMatchObject({ status: 529, error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_mock_1' } });
    });

    it('makes the SDK stream throw on midstreamError, after the first text delta', async () => {
      mock.enqueue({ midstreamError: true });
      const stream = client.messages.stream({ ...basicStreamRequest, model: 'my-claude' });
      const texts: string[] = [];
      stream.on('text', (text) => texts.push(text));
      await expect(stream.finalMessage()).rejects.toThrow('Overloaded');
      expect(texts).toEqual(['Octopuses have']);
    });
  });
});
