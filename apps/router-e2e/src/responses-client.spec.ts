import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startMockAnthropic, startMockOllama, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// The OpenAI Responses API as a client format (`POST /v1/responses`, docs/protocols.md §8), spoken by the
// official `openai` SDK to the BUILT router, translated for an Anthropic and an Ollama upstream (strict
// mocks), and answered natively by echo.

const WEATHER_TOOL: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } }, required: ['city'] },
  strict: false,
};

type Upstream = 'anthropic' | 'ollama';
const MODEL: Readonly<Record<Upstream, string>> = { anthropic: 'r-anthropic', ollama: 'r-ollama' };

let router: RunningRouter;
let mocks: Record<Upstream, MockUpstream>;
let client: OpenAI;

beforeAll(async () => {
  mocks = { anthropic: await startMockAnthropic({ apiKey: 'sk-ant-upstream-0123456789' }), ollama: await startMockOllama() };
  const noRetry = { max_retries: 0 };
  router = await startRouter({
    config: {
      models: {
        [MODEL.anthropic]: { provider: 'anthropic', endpoint: mocks.anthropic.origin, api_key: 'sk-ant-upstream-0123456789', actual_model_name: 'claude-sonnet-4-5', retry_config: noRetry },
        [MODEL.ollama]: { provider: 'ollama', endpoint: mocks.ollama.origin, actual_model_name: 'llama3.2:3b', retry_config: noRetry },
        'r-echo': { provider: 'echo' },
      },
    },
  });
  client = new OpenAI({ apiKey: 'sk-client-0123456789abcdef', baseURL: `${router.url}/v1`, maxRetries: 0 });
}, 30_000);
afterAll(async () => {
  await router?.stop();
  await Promise.all(Object.values(mocks ?? {}).map((mock) => mock.close()));
}, 20_000);
beforeEach(() => Object.values(mocks).forEach((mock) => mock.reset()));

const lastBody = (upstream: Upstream): Record<string, unknown> => (mocks[upstream].requests.at(-1)?.body ?? {}) as Record<string, unknown>;

describe.each(['anthropic', 'ollama'] as const)('Responses client -> %s', (upstream) => {
  const model = MODEL[upstream];

  it('responses.create: text in a message item, the client model, completed, usage', async () => {
    const response = await client.responses.create({ model, instructions: 'You are terse.', input: 'Tell me an octopus fact.', max_output_tokens: 200, store: false });
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.model).toBe(model);
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', annotations: [] }] });
    expect(response.usage?.input_tokens).toBeGreaterThan(0);
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
    const body = lastBody(upstream);
    expect(JSON.stringify(body)).toContain('You are terse.');
  });

  it('responses.create stream:true and responses.stream: the SDK assembles the answer from the event sequence', async () => {
    const stream = await client.responses.create({ model, input: 'Tell me an octopus fact.', stream: true });
    const types: string[] = [];
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    expect(completed?.model).toBe(model);
    expect(completed?.usage?.total_tokens).toBeGreaterThan(0);

    const final = await client.responses.stream({ model, input: 'Tell me an octopus fact.' }).finalResponse();
    expect(final.output_text.length).toBeGreaterThan(0);
    expect(final.status).toBe('completed');
  });

  it('function tools, then a follow-up turn with function_call + function_call_output items', async () => {
    const first = await client.responses.create({ model, input: "What's the weather in Paris and Tokyo?", tools: [WEATHER_TOOL] });
    const calls = first.output.filter((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]).toMatchObject({ name: 'get_weather', status: 'completed' });
    expect(JSON.parse(calls[0]?.arguments ?? '') as Record<string, unknown>).toHaveProperty('city');

    const streamed = await client.responses.stream({ model, input: "What's the weather in Paris and Tokyo?", tools: [WEATHER_TOOL] }).finalResponse();
    expect(streamed.output.some((item) => item.type === 'function_call' && item.name === 'get_weather')).toBe(true);

    const followUp = await client.responses.create({
      model,
      tools: [WEATHER_TOOL],
      input: [
        { role: 'user', content: "What's the weather in Paris and Tokyo?" },
        ...calls.map((call) => ({ type: 'function_call' as const, call_id: call.call_id, name: call.name, arguments: call.arguments })),
        ...calls.map((call) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: '{"temp_c":11}' })),
      ],
    });
    expect(followUp.status).toBe('completed');
    const sent = JSON.stringify(lastBody(upstream));
    for (const call of calls) expect(sent).toContain(upstream === 'anthropic' ? call.call_id : '"temp_c\\":11');
  });

  it('structured output: text.format json_schema reaches the upstream as its schema mode', async () => {
    await client.responses.create({
      model,
      input: 'An octopus fact as JSON.',
      text: { format: { type: 'json_schema', name: 'fact', schema: { type: 'object', properties: { fact: { type: 'string' } }, required: ['fact'], additionalProperties: false }, strict: true } },
    });
    const body = lastBody(upstream);
    if (upstream === 'ollama') expect(body['format']).toMatchObject({ type: 'object', required: ['fact'] });
    else expect(JSON.stringify(body)).toContain('"fact"');
  });

  it('errors: a bad body is a 400 naming the field; previous_response_id a 400 saying to send the full input; an upstream 5xx keeps its status', async () => {
    await expect(client.responses.create({ model, input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{' }] })).rejects.toMatchObject({
      status: 400,
      error: { type: 'invalid_request_error', param: 'input[0].arguments' },
    });
    await expect(client.responses.create({ model, input: 'hi', previous_response_id: 'resp_1' })).rejects.toMatchObject({
      status: 400,
      error: { param: 'previous_response_id', message: expect.stringContaining('send the full input') },
    });
    mocks[upstream].enqueue({ status: 503 });
    await expect(client.responses.create({ model, input: 'hi' })).rejects.toMatchObject({ status: 503 });
  });

  it('an upstream error after the stream started: the SDK throws, after the text already streamed', async () => {
    mocks[upstream].enqueue({ midstreamError: true });
    const stream = client.responses.stream({ model, input: 'Tell me an octopus fact.' });
    let text = '';
    stream.on('response.output_text.delta', (event) => (text += event.delta));
    await expect(stream.finalResponse()).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('Responses client -> echo and unknown models', () => {
  it('echo answers a Responses request in the Responses shape, streamed and not', async () => {
    const response = await client.responses.create({ model: 'r-echo', input: 'hi' });
    expect(response.status).toBe('completed');
    expect(JSON.parse(response.output_text) as { url: string }).toMatchObject({ url: 'echo://local/v1/responses' });
    const final = await client.responses.stream({ model: 'r-echo', input: 'hi' }).finalResponse();
    expect(final.output_text).toContain('/v1/responses');
  });

  it('an unknown model is a 404 in the OpenAI error format', async () => {
    await expect(client.responses.create({ model: 'no-such-model', input: 'hi' })).rejects.toMatchObject({ status: 404, error: { type: 'invalid_request_error' } });
  });
});
