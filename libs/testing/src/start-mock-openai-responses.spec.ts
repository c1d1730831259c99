import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import { readFixtureJson } from './fixture-files.js';
import { exchange, sseData } from './http-exchange.spec-helper.js';
import type { JsonObject } from './json-value.js';
import type { MockUpstream } from './mock-upstream.js';
import { startMockOpenAI } from './start-mock-openai.js';

const KEY = 'sk-proj-mock-0123456789abcd';
const basicText = 'Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.';
const weather = { type: 'function' as const, name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false };

describe('startMockOpenAI: POST /v1/responses', () => {
  let mock: MockUpstream;
  let client: OpenAI;
  const auth = { authorization: `Bearer ${KEY}` };
  const post = (body: unknown) => exchange(mock.origin, { path: '/v1/responses', headers: auth, body });

  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: KEY });
    client = new OpenAI({ apiKey: KEY, baseURL: `${mock.origin}/v1`, maxRetries: 0 });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('answers responses.create with basic.response.json, echoing the model, with usage', async () => {
    const response = await client.responses.create({ model: 'my-alias', input: 'Tell me an octopus fact.', store: false });
    expect(response.model).toBe('my-alias');
    expect(response.output_text).toBe(basicText);
    expect(response.usage).toMatchObject({ input_tokens: 27, output_tokens: 87, output_tokens_details: { reasoning_tokens: 64 } });
    expect(mock.requests[0]).toMatchObject({ path: '/v1/responses', body: { model: 'my-alias', store: false } });
  });

  it('streams in the exact event order of protocols.md 8.3, sequence_number 0,1,2..., and the SDK accumulates it', async () => {
    const stream = client.responses.stream({ model: 'my-alias', input: 'Tell me an octopus fact.' });
    const types: string[] = [];
    const sequence: number[] = [];
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
    }
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(basicText);
    expect(final.model).toBe('my-alias');
    expect(sequence).toEqual(sequence.map((_, i) => i));
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.slice(2, 4)).toEqual(['response.output_item.added', 'response.output_item.done']);
    expect(types.slice(4, 6)).toEqual(['response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    expect(mock.streamsCompleted).toBe(1);
  });

  it('answers function tools with two function_call items, and a summary request with a reasoning item', async () => {
    const tools = await client.responses.create({ model: 'm', input: 'Weather in Paris and Tokyo?', tools: [weather] });
    expect(tools.output.map((item) => item.type)).toEqual(['function_call', 'function_call']);
    expect(tools.output[0]).toMatchObject({ call_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' });
    const reasoning = await client.responses.stream({ model: 'm', input: 'Is 1001 prime?', reasoning: { effort: 'medium', summary: 'auto' } }).finalResponse();
    expect(reasoning.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: expect.stringContaining('1001 = 7 × 143') }] });
  });

  it("accepts every parameter the real API accepts: Codex's real requests, hosted and custom tools, store, include, previous_response_id, ...", async () => {
    for (const name of ['codex-exec-turn1', 'codex-exec-turn2']) {
      const { body } = readFixtureJson<{ body: JsonObject }>(`openai-responses/${name}.request.json`);
      // The capture cut long texts, tool schemas among them ("[...]"): put back an object schema.
      for (const tool of body['tools'] as JsonObject[]) if (typeof tool['parameters'] === 'string') tool['parameters'] = { type: 'object', properties: {} };
      const answer = await post(body);
      expect({ name, status: answer.status, body: answer.status === 200 ? 'sse' : answer.body }).toEqual({ name, status: 200, body: 'sse' });
    }
    const { status, body } = await post({
      model: 'm',
      input: [
        { role: 'developer', content: 'Be brief.' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }, { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'auto' }] },
        { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAA' },
        { type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c1', output: '18 C' },
      ],
      instructions: 'You are terse.',
      store: false,
      include: ['reasoning.encrypted_content'],
      prompt_cache_key: 'k',
      reasoning: { effort: 'low', summary: 'auto' },
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      metadata: { a: 'b' },
      tools: [weather, { type: 'custom', name: 'apply_patch', description: 'patch', format: { type: 'text' } }, { type: 'web_search' }],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      truncation: 'auto',
      service_tier: 'auto',
      safety_identifier: 'user-1',
      user: 'user-1',
      max_output_tokens: 256,
      temperature: 1,
      top_p: 1,
      stream: true,
      stream_options: { include_obfuscation: false },
    });
    expect({ status, body: status === 200 ? 'sse' : body }).toEqual({ status: 200, body: 'sse' });
    expect((await post({ model: 'm', input: [{ type: 'function_call_output', call_id: 'c9', output: 'x' }], previous_response_id: 'resp_1' })).status).toBe(200);
  });

  it('refuses what the real API refuses: unknown parameters, wrong types, a too small max_output_tokens, an output without its call', async () => {
    const refused = async (body: unknown) => JSON.parse((await post(body)).body) as { error: { param: string | null; code: string | null; message: string } };
    expect((await refused({ model: 'm', input: 'x', messages: [] })).error).toEqual({ message: "Unknown parameter: 'messages'.", type: 'invalid_request_error', param: 'messages', code: 'unknown_parameter' });
    expect((await refused({ model: 'm', input: 'x', stop: ['\n'] })).error).toMatchObject({ param: 'stop', code: 'unknown_parameter' });
    expect((await refused({ model: 'm', input: 'x', store: 'no' })).error).toMatchObject({ param: 'store', code: 'invalid_type' });
    expect((await refused({ model: 'm', input: 5 })).error).toMatchObject({ param: 'input', code: 'invalid_type' });
    expect((await refused({ model: 'm', input: 'x', max_output_tokens: 8 })).error).toMatchObject({ param: 'max_output_tokens', code: 'integer_below_min_value' });
    expect((await refused({ model: 'm', input: 'x', stream_options: {} })).error).toMatchObject({ param: 'stream_options' });
    expect((await refused({ model: 'm', input: [{ type: 'function_call_output', call_id: 'c9', output: 'x' }] })).error.message).toBe('No tool call found for function call output with call_id c9.');
    expect((await refused({ model: 'm', input: [{ role: 'user', content: [{ type: 'output_text', text: 'x' }] }] })).error).toMatchObject({ param: 'input[0].content[0].type' });
    expect((await refused({ model: 'm', input: 'x', reasoning: { effort: 'huge' } })).error).toMatchObject({ param: 'reasoning.effort', code: 'invalid_value' });
    expect(mock.requests).toHaveLength(9);
  });

  it('midstreamError: a delta, then response.failed', async () => {
    mock.enqueue({ midstreamError: true });
    const { body } = await post({ model: 'm', input: 'x', stream: true });
    const events = sseData(body) as Array<{ type: string }>;
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.failed',
    ]);
  });
});

describe('startMockOpenAI({responsesOnly: true})', () => {
  let mock: MockUpstream;
  beforeAll(async () => {
    mock = await startMockOpenAI({ responsesOnly: true });
  });
  afterAll(() => mock.close());

  it("404s chat completions with OpenAI's message and answers /v1/responses", async () => {
    const chat = await exchange(mock.origin, { path: '/v1/chat/completions', body: { model: 'gpt-5-codex', messages: [{ role: 'user', content: 'x' }] } });
    expect(chat.status).toBe(404);
    expect(JSON.parse(chat.body)).toEqual({
      error: { message: 'This model is only supported in v1/responses and not in v1/chat/completions.', type: 'invalid_request_error', param: 'model', code: null },
    });
    expect((await exchange(mock.origin, { path: '/v1/responses', body: { model: 'gpt-5-codex', input: 'x' } })).status).toBe(200);
  });
});
