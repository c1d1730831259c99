import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type OpenAI from 'openai';
import { MatrixRecorder, type MatrixUpstream } from './support/matrix.js';
import { expectRefused, MODELS, startMatrixWorld, UPSTREAMS, type MatrixWorld } from './support/matrix-setup.js';

// The OpenAI chat client (official `openai` SDK) against each provider: passthrough to OpenAI,
// translation to Anthropic, Ollama and an `api: responses` OpenAI model (`/v1/responses` items). Each test
// records its matrix cell only after its assertions pass.

const matrix = new MatrixRecorder('openai-chat');
const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
  },
};

let world: MatrixWorld;
beforeAll(async () => {
  world = await startMatrixWorld();
}, 30_000);
afterAll(async () => {
  // Legacy-completions and Anthropic-only features do not exist for this client format.
  for (const upstream of UPSTREAMS) {
    for (const feature of ['suffix (fill in the middle)', 'echo', 'count_tokens'] as const) matrix.record('openai-chat', upstream, feature, 'na');
  }
  matrix.write();
  await world?.close();
}, 20_000);
beforeEach(() => Object.values(world.mocks).forEach((m) => m.reset()));

const userTurn = (text: string): OpenAI.Chat.Completions.ChatCompletionMessageParam => ({ role: 'user', content: text });
/** The turns the upstream received: `messages`, or the Responses API's `input` items. */
const turnsSent = (upstream: MatrixUpstream): Array<Record<string, unknown>> =>
  world.lastBody(upstream)[upstream === 'openai-responses' ? 'input' : 'messages'] as Array<Record<string, unknown>>;

describe.each(UPSTREAMS)('OpenAI chat client -> %s', (upstream: MatrixUpstream) => {
  const model = MODELS[upstream].client;

  it('answers text with the client model name, a natural finish and usage', async () => {
    const completion = await world.openai.chat.completions.create({
      model,
      messages: [{ role: 'system', content: 'You are terse.' }, userTurn('Tell me an octopus fact.')],
      max_tokens: 200,
    });
    const choice = completion.choices[0];
    expect(completion.model).toBe(model);
    expect(typeof choice?.message.content).toBe('string');
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(choice?.finish_reason).toBe('stop');
    matrix.record('openai-chat', upstream, 'text', 'works');

    const body = world.lastBody(upstream);
    expect(body['model']).toBe(MODELS[upstream].upstream);
    if (upstream === 'anthropic') expect(body['system']).toBe('You are terse.');
    else if (upstream === 'openai-responses') {
      expect(world.lastPath(upstream)).toBe('/v1/responses');
      expect(body).toMatchObject({ instructions: 'You are terse.', input: [{ type: 'message', role: 'user' }], store: false });
    } else expect((body['messages'] as Array<Record<string, unknown>>)[0]).toMatchObject({ role: 'system', content: 'You are terse.' });
    matrix.record('openai-chat', upstream, 'system prompt', 'works');

    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
    matrix.record('openai-chat', upstream, 'usage', 'works');
  });

  it('streams text, with the usage chunk last when asked', async () => {
    const stream = await world.openai.chat.completions.create({
      model,
      messages: [userTurn('Tell me an octopus fact.')],
      max_tokens: 200,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.every((c) => c.model === model)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe('stop');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.prompt_tokens).toBeGreaterThan(0);
    matrix.record('openai-chat', upstream, 'text, streamed', 'works');
  });

  it('returns tool calls with JSON-string arguments and finish_reason tool_calls', async () => {
    const completion = await world.openai.chat.completions.create({
      model,
      messages: [userTurn('Weather in Paris and Tokyo?')],
      tools: [WEATHER_TOOL],
      tool_choice: 'auto',
    });
    const calls = completion.choices[0]?.message.tool_calls ?? [];
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(call.type).toBe('function');
      if (call.type !== 'function') continue;
      expect(call.id).toMatch(/\S/);
      expect(call.function.name).toBe('get_weather');
      expect(JSON.parse(call.function.arguments)).toHaveProperty('city');
    }
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    matrix.record('openai-chat', upstream, 'tools', 'works');
  });

  it('streams 2 parallel tool calls that finalChatCompletion() assembles whole', async () => {
    const final = await world.openai.chat.completions
      .stream({ model, messages: [userTurn('Weather in Paris and Tokyo?')], tools: [WEATHER_TOOL], parallel_tool_calls: true })
      .finalChatCompletion();
    const calls = final.choices[0]?.message.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    const locations = calls.map((c) => (c.type === 'function' ? (JSON.parse(c.function.arguments) as { city: string }).city : ''));
    expect(locations.join(' ')).toMatch(/Paris/);
    expect(locations.join(' ')).toMatch(/Tokyo/);
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    matrix.record('openai-chat', upstream, 'tools, streamed (2 parallel calls)', 'works');
  });

  it('sends a tool-call history with its results in the upstream shape', async () => {
    const completion = await world.openai.chat.completions.create({
      model,
      tools: [WEATHER_TOOL],
      messages: [
        userTurn('Weather in Paris and Tokyo?'),
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_tokyo', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_paris', content: '18°C, cloudy' },
        { role: 'tool', tool_call_id: 'call_tokyo', content: '24°C, sunny' },
        userTurn('Which is warmer?'),
      ],
    });
    expect(completion.choices[0]?.message).toBeDefined();
    const messages = turnsSent(upstream);
    if (upstream === 'anthropic') {
      const results = messages.at(-1)?.['content'] as Array<Record<string, unknown>>;
      expect(results.slice(0, 2).map((b) => [b['type'], b['tool_use_id']])).toEqual([
        ['tool_result', 'call_paris'],
        ['tool_result', 'call_tokyo'],
      ]);
      expect(results.at(-1)).toMatchObject({ type: 'text', text: 'Which is warmer?' });
    }
    if (upstream === 'ollama') {
      const tools = messages.filter((m) => m['role'] === 'tool');
      expect(tools.map((m) => [m['tool_name'], m['content']])).toEqual([
        ['get_weather', '18°C, cloudy'],
        ['get_weather', '24°C, sunny'],
      ]);
      const assistant = messages.find((m) => m['role'] === 'assistant') as { tool_calls: Array<{ function: { arguments: unknown } }> };
      expect(assistant.tool_calls[0]?.function.arguments).toEqual({ city: 'Paris' });
    }
    if (upstream === 'openai-responses') {
      expect(messages.slice(1)).toEqual([
        { type: 'function_call', call_id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call', call_id: 'call_tokyo', name: 'get_weather', arguments: '{"city":"Tokyo"}' },
        { type: 'function_call_output', call_id: 'call_paris', output: '18°C, cloudy' },
        { type: 'function_call_output', call_id: 'call_tokyo', output: '24°C, sunny' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Which is warmer?' }] },
      ]);
    }
    matrix.record('openai-chat', upstream, 'tool results in history', 'works');
  });

  it('passes a base64 image in the upstream form', async () => {
    await world.openai.chat.completions.create({
      model,
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: PNG_DATA_URI } }] }],
    });
    const last = turnsSent(upstream).at(-1)!;
    if (upstream === 'anthropic') {
      expect(last['content']).toContainEqual(expect.objectContaining({ type: 'image', source: expect.objectContaining({ type: 'base64', media_type: 'image/png' }) }));
    }
    if (upstream === 'ollama') expect(last['images']).toEqual([PNG_DATA_URI.split(',')[1]]);
    if (upstream === 'openai') expect(JSON.stringify(last)).toContain(PNG_DATA_URI);
    if (upstream === 'openai-responses') expect(last['content']).toContainEqual(expect.objectContaining({ type: 'input_image', image_url: PNG_DATA_URI }));
    matrix.record('openai-chat', upstream, 'image (base64)', 'works');
  });

  it('passes an image URL where the upstream takes URLs, and refuses it for Ollama (no fetching unless configured)', async () => {
    const send = () =>
      world.openai.chat.completions.create({
        model,
        max_tokens: 100,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      });
    if (upstream === 'ollama') {
      await expectRefused(send, 'image');
      expect(world.mocks.ollama.requests).toHaveLength(0);
      matrix.record('openai-chat', upstream, 'image (URL)', 'refused');
      return;
    }
    await send();
    const last = turnsSent(upstream).at(-1)!;
    if (upstream === 'anthropic') expect(last['content']).toContainEqual(expect.objectContaining({ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }));
    else if (upstream === 'openai-responses') expect(last['content']).toContainEqual(expect.objectContaining({ type: 'input_image', image_url: 'https://example.com/cat.png' }));
    else expect(JSON.stringify(last)).toContain('https://example.com/cat.png');
    matrix.record('openai-chat', upstream, 'image (URL)', 'works');
  });

  it('maps reasoning_effort to the upstream reasoning control', async () => {
    await world.openai.chat.completions.create({ model, max_completion_tokens: 8000, reasoning_effort: 'medium', messages: [userTurn('Is 7919 prime?')] });
    const body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['reasoning_effort']).toBe('medium');
    if (upstream === 'anthropic') expect(body['thinking']).toMatchObject({ type: 'enabled', budget_tokens: 2048 });
    if (upstream === 'ollama') expect(body['think']).toBe(true);
    if (upstream === 'openai-responses') expect(body['reasoning']).toEqual({ effort: 'medium', summary: 'auto' });
    matrix.record('openai-chat', upstream, 'thinking / reasoning', 'works');
  });

  it('maps temperature, top_p, stop and the output cap (the Responses API has no stop: dropped, with a warning)', async () => {
    const { response } = await world.openai.chat.completions
      .create({
        model,
        messages: [userTurn('Count to five.')],
        temperature: 0.5,
        top_p: 0.9,
        stop: ['END'],
        max_tokens: 50,
      })
      .withResponse();
    const body = world.lastBody(upstream);
    if (upstream === 'openai-responses') {
      expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, max_output_tokens: 50 });
      expect(body).not.toHaveProperty('stop');
      expect(response.headers.get('x-router-warnings')).toMatch(/stop/);
    }
    if (upstream === 'openai') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, stop: ['END'], max_tokens: 50 });
    if (upstream === 'anthropic') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, stop_sequences: ['END'], max_tokens: 50 });
    if (upstream === 'ollama') expect(body['options']).toMatchObject({ temperature: 0.5, top_p: 0.9, stop: ['END'], num_predict: 50 });
    matrix.record('openai-chat', upstream, 'sampling and limits', 'works');
  });

  it('maps JSON mode', async () => {
    const response = await world.openai.chat.completions
      .create({ model, messages: [userTurn('Give me JSON.')], response_format: { type: 'json_object' }, max_tokens: 100 })
      .withResponse();
    const body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['response_format']).toEqual({ type: 'json_object' });
    if (upstream === 'ollama') expect(body['format']).toBe('json');
    if (upstream === 'openai-responses') expect(body['text']).toEqual({ format: { type: 'json_object' } });
    if (upstream === 'anthropic') {
      expect(JSON.stringify(body['system'])).toMatch(/JSON/);
      expect(response.response.headers.get('x-router-warnings')).toMatch(/JSON|json/);
    }
    matrix.record('openai-chat', upstream, 'JSON mode', 'works');
  });

  it("keeps an upstream 400's status, in OpenAI's error format", async () => {
    world.mocks[upstream].enqueue({ status: 400 });
    const error = await world.openai.chat.completions.create({ model, messages: [userTurn('x')], max_tokens: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as { error?: { type?: string } }).error?.type).toBe('invalid_request_error');
    matrix.record('openai-chat', upstream, 'upstream error keeps status', 'works');
  });

  it('turns an upstream failure mid-stream into an in-band error the SDK throws', async () => {
    world.mocks[upstream].enqueue({ midstreamError: true });
    const stream = await world.openai.chat.completions.create({ model, messages: [userTurn('x')], max_tokens: 10, stream: true });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(text.length).toBeGreaterThan(0);
    matrix.record('openai-chat', upstream, 'mid-stream error in-band', 'works');
  });

  it('honours n > 1 where the upstream can, and refuses it with a 400 naming n elsewhere', async () => {
    const send = () => world.openai.chat.completions.create({ model, messages: [userTurn('x')], max_tokens: 10, n: 2 });
    if (upstream === 'openai') {
      await send();
      expect(world.lastBody('openai')['n']).toBe(2);
      matrix.record('openai-chat', upstream, 'n > 1', 'works');
      return;
    }
    await expectRefused(send, 'n');
    expect(world.mocks[upstream].requests).toHaveLength(0);
    matrix.record('openai-chat', upstream, 'n > 1', 'refused');
  });

  it('honours logprobs where the upstream has them, and refuses them with a 400 elsewhere', async () => {
    const send = () => world.openai.chat.completions.create({ model, messages: [userTurn('x')], max_tokens: 10, logprobs: true, top_logprobs: 2 });
    if (upstream === 'anthropic' || upstream === 'openai-responses') {
      await expectRefused(send, 'logprobs');
      expect(world.mocks[upstream].requests).toHaveLength(0);
      matrix.record('openai-chat', upstream, 'logprobs', 'refused');
      return;
    }
    await send();
    const body = world.lastBody(upstream);
    expect(body['logprobs']).toBe(true);
    expect(body['top_logprobs']).toBe(2);
    matrix.record('openai-chat', upstream, 'logprobs', 'works');
  });
});
