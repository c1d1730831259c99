import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type OpenAI from 'openai';
import { MatrixRecorder, type MatrixUpstream } from './support/matrix.js';
import { expectRefused, MODELS, OPENAI_CHAT_API_MODEL, startMatrixWorld, UPSTREAMS, type MatrixWorld } from './support/matrix-setup.js';

// The OpenAI Responses client (official `openai` SDK, `responses.create` / `responses.stream`) against each
// provider: translation to chat completions for an `api: chat` OpenAI model (with the default `api: auto`
// the request would be passed through, as to the `api: responses` column), to Anthropic and to Ollama, and
// passthrough to an `api: responses` OpenAI model. Each test records its matrix cell only after its
// assertions pass.

const matrix = new MatrixRecorder('openai-responses');
const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WEATHER_TOOL: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
  strict: false,
};

let world: MatrixWorld;
beforeAll(async () => {
  world = await startMatrixWorld();
}, 30_000);
afterAll(async () => {
  // Chat- and legacy-completions-only features, and Anthropic's count_tokens, do not exist for this client format.
  for (const upstream of UPSTREAMS) {
    for (const feature of ['n > 1', 'logprobs', 'suffix (fill in the middle)', 'echo', 'count_tokens'] as const) matrix.record('openai-responses', upstream, feature, 'na');
  }
  matrix.write();
  await world?.close();
}, 20_000);
beforeEach(() => Object.values(world.mocks).forEach((m) => m.reset()));

/** The function calls of a response, in output order. */
const functionCalls = (response: OpenAI.Responses.Response) =>
  response.output.filter((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call');
/** The chat / Ollama / Anthropic `messages` the upstream received (not for the passthrough column). */
const messagesSent = (upstream: MatrixUpstream) => world.lastBody(upstream)['messages'] as Array<Record<string, unknown>>;

describe.each(UPSTREAMS)('OpenAI Responses client -> %s', (upstream: MatrixUpstream) => {
  const model = upstream === 'openai' ? OPENAI_CHAT_API_MODEL : MODELS[upstream].client;
  /** A passthrough sends the client's body as it was, but for the model name. */
  const expectPassedThrough = (params: Record<string, unknown>) => {
    expect(world.lastPath('openai-responses')).toBe('/v1/responses');
    expect(world.lastBody('openai-responses')).toEqual({ ...params, model: MODELS['openai-responses'].upstream });
  };

  it('answers text in a message item with the client model name, completed, and usage', async () => {
    const params = { model, instructions: 'You are terse.', input: 'Tell me an octopus fact.', max_output_tokens: 200 };
    const response = await world.openai.responses.create(params);
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.model).toBe(model);
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.output.find((item) => item.type === 'message')).toMatchObject({ role: 'assistant', content: [{ type: 'output_text', annotations: [] }] });
    matrix.record('openai-responses', upstream, 'text', 'works');

    if (upstream === 'openai-responses') expectPassedThrough(params);
    else {
      const body = world.lastBody(upstream);
      expect(body['model']).toBe(MODELS[upstream].upstream);
      if (upstream === 'openai') expect(world.lastPath('openai')).toBe('/v1/chat/completions');
      if (upstream === 'anthropic') expect(body['system']).toBe('You are terse.');
      else expect(messagesSent(upstream)[0]).toMatchObject({ role: 'system', content: 'You are terse.' });
      expect(messagesSent(upstream).at(-1)).toMatchObject({ role: 'user' });
    }
    matrix.record('openai-responses', upstream, 'system prompt', 'works');

    expect(response.usage?.input_tokens).toBeGreaterThan(0);
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
    matrix.record('openai-responses', upstream, 'usage', 'works');
  });

  it('streams the event sequence the SDK parses: created, in_progress, text deltas, completed with usage, numbered', async () => {
    const stream = await world.openai.responses.create({ model, input: 'Tell me an octopus fact.', max_output_tokens: 200, stream: true });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const types = events.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const text = events.map((e) => (e.type === 'response.output_text.delta' ? e.delta : '')).join('');
    expect(text.length).toBeGreaterThan(0);
    const done = events.find((e): e is OpenAI.Responses.ResponseTextDoneEvent => e.type === 'response.output_text.done');
    expect(done?.text).toBe(text);
    const completed = events.at(-1);
    if (completed?.type !== 'response.completed') throw new Error('no response.completed');
    expect(completed.response.model).toBe(model);
    expect(completed.response.status).toBe('completed');
    expect(completed.response.usage?.input_tokens).toBeGreaterThan(0);
    expect(completed.response.usage?.output_tokens).toBeGreaterThan(0);
    if (upstream === 'openai-responses') expect(world.lastBody(upstream)).toMatchObject({ stream: true });
    matrix.record('openai-responses', upstream, 'text, streamed', 'works');
  });

  it('returns function_call items with a call_id and JSON-string arguments', async () => {
    const response = await world.openai.responses.create({ model, input: 'Weather in Paris and Tokyo?', tools: [WEATHER_TOOL], tool_choice: 'auto' });
    const calls = functionCalls(response);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(call.call_id).toMatch(/\S/);
      expect(call.name).toBe('get_weather');
      expect(call.status).toBe('completed');
      expect(JSON.parse(call.arguments)).toHaveProperty('city');
    }
    expect(new Set(calls.map((c) => c.call_id)).size).toBe(calls.length);
    expect(response.status).toBe('completed');
    matrix.record('openai-responses', upstream, 'tools', 'works');
  });

  it('streams 2 parallel function calls that finalResponse() assembles whole', async () => {
    const stream = world.openai.responses.stream({ model, input: 'Weather in Paris and Tokyo?', tools: [WEATHER_TOOL], parallel_tool_calls: true });
    const argumentsDone: string[] = [];
    stream.on('response.function_call_arguments.done', (event) => argumentsDone.push(event.arguments));
    const final = await stream.finalResponse();
    const calls = functionCalls(final);
    expect(calls).toHaveLength(2);
    expect(argumentsDone).toEqual(calls.map((c) => c.arguments));
    expect(new Set(calls.map((c) => c.call_id)).size).toBe(2);
    const cities = calls.map((c) => (JSON.parse(c.arguments) as { city: string }).city);
    expect(cities.join(' ')).toMatch(/Paris/);
    expect(cities.join(' ')).toMatch(/Tokyo/);
    expect(final.status).toBe('completed');
    matrix.record('openai-responses', upstream, 'tools, streamed (2 parallel calls)', 'works');
  });

  it('sends function_call + function_call_output history items in the upstream shape', async () => {
    const params = {
      model,
      tools: [WEATHER_TOOL],
      input: [
        { role: 'user' as const, content: 'Weather in Paris and Tokyo?' },
        { type: 'function_call' as const, call_id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call' as const, call_id: 'call_tokyo', name: 'get_weather', arguments: '{"city":"Tokyo"}' },
        { type: 'function_call_output' as const, call_id: 'call_paris', output: '18°C, cloudy' },
        { type: 'function_call_output' as const, call_id: 'call_tokyo', output: '24°C, sunny' },
        { role: 'user' as const, content: 'Which is warmer?' },
      ],
    };
    const response = await world.openai.responses.create(params);
    expect(response.status).toBe('completed');
    if (upstream === 'openai-responses') expectPassedThrough(params);
    if (upstream === 'openai') {
      const messages = messagesSent(upstream);
      const assistant = messages.find((m) => m['role'] === 'assistant') as { tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> };
      expect(assistant.tool_calls.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
        ['call_paris', 'get_weather', '{"city":"Paris"}'],
        ['call_tokyo', 'get_weather', '{"city":"Tokyo"}'],
      ]);
      expect(messages.filter((m) => m['role'] === 'tool').map((m) => [m['tool_call_id'], m['content']])).toEqual([
        ['call_paris', '18°C, cloudy'],
        ['call_tokyo', '24°C, sunny'],
      ]);
      expect(messages.at(-1)).toMatchObject({ role: 'user', content: 'Which is warmer?' });
    }
    if (upstream === 'anthropic') {
      const results = messagesSent(upstream).at(-1)?.['content'] as Array<Record<string, unknown>>;
      expect(results.slice(0, 2).map((b) => [b['type'], b['tool_use_id']])).toEqual([
        ['tool_result', 'call_paris'],
        ['tool_result', 'call_tokyo'],
      ]);
      expect(results.at(-1)).toMatchObject({ type: 'text', text: 'Which is warmer?' });
    }
    if (upstream === 'ollama') {
      const messages = messagesSent(upstream);
      expect(messages.filter((m) => m['role'] === 'tool').map((m) => [m['tool_name'], m['content']])).toEqual([
        ['get_weather', '18°C, cloudy'],
        ['get_weather', '24°C, sunny'],
      ]);
      const assistant = messages.find((m) => m['role'] === 'assistant') as { tool_calls: Array<{ function: { arguments: unknown } }> };
      expect(assistant.tool_calls[0]?.function.arguments).toEqual({ city: 'Paris' });
    }
    matrix.record('openai-responses', upstream, 'tool results in history', 'works');
  });

  const imageInput = (url: string): OpenAI.Responses.ResponseInput => [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'What is this?' },
        { type: 'input_image', image_url: url, detail: 'auto' },
      ],
    },
  ];

  it('passes an input_image given as base64 in the upstream form', async () => {
    const params = { model, max_output_tokens: 100, input: imageInput(PNG_DATA_URI) };
    await world.openai.responses.create(params);
    if (upstream === 'openai-responses') expectPassedThrough(params);
    else {
      const last = messagesSent(upstream).at(-1)!;
      if (upstream === 'anthropic') {
        expect(last['content']).toContainEqual(expect.objectContaining({ type: 'image', source: expect.objectContaining({ type: 'base64', media_type: 'image/png' }) }));
      }
      if (upstream === 'ollama') expect(last['images']).toEqual([PNG_DATA_URI.split(',')[1]]);
      // `detail: "auto"` is chat's default too, so it is not repeated (another detail: dropped with a warning).
      if (upstream === 'openai') expect(last['content']).toContainEqual({ type: 'image_url', image_url: { url: PNG_DATA_URI } });
    }
    matrix.record('openai-responses', upstream, 'image (base64)', 'works');
  });

  it('passes an input_image URL where the upstream takes URLs, and refuses it for Ollama (no fetching unless configured)', async () => {
    const params = { model, max_output_tokens: 100, input: imageInput('https://example.com/cat.png') };
    const send = () => world.openai.responses.create(params);
    if (upstream === 'ollama') {
      await expectRefused(send, 'image');
      expect(world.mocks.ollama.requests).toHaveLength(0);
      matrix.record('openai-responses', upstream, 'image (URL)', 'refused');
      return;
    }
    await send();
    if (upstream === 'openai-responses') expectPassedThrough(params);
    else {
      const last = messagesSent(upstream).at(-1)!;
      if (upstream === 'anthropic') expect(last['content']).toContainEqual(expect.objectContaining({ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }));
      else expect(last['content']).toContainEqual({ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } });
    }
    matrix.record('openai-responses', upstream, 'image (URL)', 'works');
  });

  it('maps reasoning.effort to the upstream reasoning control, and streams reasoning back as a summary where the upstream reasons', async () => {
    const params = { model, max_output_tokens: 8000, reasoning: { effort: 'medium' as const, summary: 'auto' as const }, input: 'Is 7919 prime?' };
    const final = await world.openai.responses.stream(params).finalResponse();
    const body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['reasoning_effort']).toBe('medium');
    if (upstream === 'anthropic') expect(body['thinking']).toMatchObject({ type: 'enabled', budget_tokens: 2048 });
    if (upstream === 'ollama') expect(body['think']).toBe(true);
    if (upstream === 'openai-responses') expectPassedThrough({ ...params, stream: true });
    if (upstream !== 'openai') {
      // The chat mock answers without reasoning text (as OpenAI's chat API does); the others reason.
      const reasoning = final.output.find((item): item is OpenAI.Responses.ResponseReasoningItem => item.type === 'reasoning');
      expect(reasoning?.summary.map((s) => s.text).join('').length).toBeGreaterThan(0);
    }
    expect(final.output_text.length).toBeGreaterThan(0);
    matrix.record('openai-responses', upstream, 'thinking / reasoning', 'works');
  });

  it('maps temperature, top_p and max_output_tokens', async () => {
    const params = { model, input: 'Count to five.', temperature: 0.5, top_p: 0.9, max_output_tokens: 50 };
    await world.openai.responses.create(params);
    const body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, max_completion_tokens: 50 });
    if (upstream === 'anthropic') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, max_tokens: 50 });
    if (upstream === 'ollama') expect(body['options']).toMatchObject({ temperature: 0.5, top_p: 0.9, num_predict: 50 });
    if (upstream === 'openai-responses') expectPassedThrough(params);
    matrix.record('openai-responses', upstream, 'sampling and limits', 'works');
  });

  it('maps text.format json_schema (strict) and json_object', async () => {
    const schema = { type: 'object', properties: { fact: { type: 'string' } }, required: ['fact'], additionalProperties: false };
    const strictParams = { model, input: 'An octopus fact as JSON.', max_output_tokens: 100, text: { format: { type: 'json_schema' as const, name: 'fact', schema, strict: true } } };
    await world.openai.responses.create(strictParams);
    let body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['response_format']).toEqual({ type: 'json_schema', json_schema: { name: 'fact', schema, strict: true } });
    if (upstream === 'anthropic') expect(body['output_config']).toEqual({ format: { type: 'json_schema', schema } });
    if (upstream === 'ollama') expect(body['format']).toEqual(schema);
    if (upstream === 'openai-responses') expectPassedThrough(strictParams);

    const objectParams = { model, input: 'Give me JSON.', max_output_tokens: 100, text: { format: { type: 'json_object' as const } } };
    const { response } = await world.openai.responses.create(objectParams).withResponse();
    body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['response_format']).toEqual({ type: 'json_object' });
    if (upstream === 'ollama') expect(body['format']).toBe('json');
    if (upstream === 'anthropic') {
      expect(JSON.stringify(body['system'])).toMatch(/JSON/);
      expect(response.headers.get('x-router-warnings')).toMatch(/JSON|json/);
    }
    if (upstream === 'openai-responses') expectPassedThrough(objectParams);
    matrix.record('openai-responses', upstream, 'JSON mode', 'works');
  });

  it("keeps an upstream 400's status, in the Responses (OpenAI) error format", async () => {
    world.mocks[upstream].enqueue({ status: 400 });
    const error = await world.openai.responses.create({ model, input: 'x', max_output_tokens: 16 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as { error?: { type?: string } }).error?.type).toBe('invalid_request_error');
    matrix.record('openai-responses', upstream, 'upstream error keeps status', 'works');
  });

  it('turns an upstream failure mid-stream into an in-band failure: an error event the SDK throws, or the upstream response.failed passed through', async () => {
    world.mocks[upstream].enqueue({ midstreamError: true });
    const stream = world.openai.responses.stream({ model, input: 'x', max_output_tokens: 16 });
    let text = '';
    stream.on('response.output_text.delta', (event) => (text += event.delta));
    const outcome = await stream.finalResponse().catch((e: unknown) => e);
    expect(text.length).toBeGreaterThan(0);
    if (upstream === 'openai-responses') {
      // Passthrough relays OpenAI's own `response.failed`; the SDK ends the stream with that failed response.
      expect(outcome).toMatchObject({ status: 'failed', model, error: { code: 'server_error', message: expect.stringMatching(/error while processing/) } });
    } else {
      // Translated: the router's `error` event, which the SDK's stream reader throws.
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toMatch(/\S/);
    }
    matrix.record('openai-responses', upstream, 'mid-stream error in-band', 'works');
  });
});
