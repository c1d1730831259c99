import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type Anthropic from '@anthropic-ai/sdk';
import { readFixture, readFixtureJson } from '@llm-router/testing';
import { MatrixRecorder, type MatrixUpstream } from './support/matrix.js';
import { expectRefused, MODELS, startMatrixWorld, UPSTREAMS, type MatrixWorld } from './support/matrix-setup.js';

// The Anthropic client (official `@anthropic-ai/sdk`) against each provider: passthrough to Anthropic,
// translation to OpenAI, Ollama and an `api: responses` OpenAI model (`/v1/responses` items). Each test
// records its matrix cell only after its assertions pass.

const matrix = new MatrixRecorder('anthropic');
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WEATHER_TOOL: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

let world: MatrixWorld;
beforeAll(async () => {
  world = await startMatrixWorld();
}, 30_000);
afterAll(async () => {
  // Legacy-completions features do not exist for this client format.
  for (const upstream of UPSTREAMS) {
    for (const feature of ['n > 1', 'logprobs', 'suffix (fill in the middle)', 'echo'] as const) matrix.record('anthropic', upstream, feature, 'na');
  }
  matrix.write();
  await world?.close();
}, 20_000);
beforeEach(() => Object.values(world.mocks).forEach((m) => m.reset()));

const user = (text: string): Anthropic.MessageParam => ({ role: 'user', content: text });
const textOf = (message: Anthropic.Message) => message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
/** The turns the upstream received: `messages`, or the Responses API's `input` items. */
const turnsSent = (upstream: MatrixUpstream): Array<Record<string, unknown>> =>
  world.lastBody(upstream)[upstream === 'openai-responses' ? 'input' : 'messages'] as Array<Record<string, unknown>>;

describe.each(UPSTREAMS)('Anthropic client -> %s', (upstream: MatrixUpstream) => {
  const model = MODELS[upstream].client;

  it('answers text with the client model name, end_turn and usage', async () => {
    const message = await world.anthropic.messages.create({ model, max_tokens: 200, system: 'You are terse.', messages: [user('Tell me an octopus fact.')] });
    expect(message.model).toBe(model);
    expect(textOf(message).length).toBeGreaterThan(0);
    expect(message.stop_reason).toBe('end_turn');
    matrix.record('anthropic', upstream, 'text', 'works');

    const body = world.lastBody(upstream);
    expect(body['model']).toBe(MODELS[upstream].upstream);
    if (upstream === 'anthropic') expect(body['system']).toBe('You are terse.');
    else if (upstream === 'openai-responses') {
      expect(world.lastPath(upstream)).toBe('/v1/responses');
      expect(body).toMatchObject({ instructions: 'You are terse.', input: [{ type: 'message', role: 'user' }], store: false });
    } else expect((body['messages'] as Array<Record<string, unknown>>)[0]).toMatchObject({ role: 'system', content: 'You are terse.' });
    matrix.record('anthropic', upstream, 'system prompt', 'works');

    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    matrix.record('anthropic', upstream, 'usage', 'works');
  });

  it('streams text: message_start reports input tokens (never 0), finalMessage() assembles the answer', async () => {
    const stream = world.anthropic.messages.stream({ model, max_tokens: 200, messages: [user('Tell me an octopus fact.')] });
    let startInput = -1;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') startInput = event.message.usage.input_tokens;
    });
    const message = await stream.finalMessage();
    expect(startInput).toBeGreaterThan(0);
    expect(message.model).toBe(model);
    expect(textOf(message).length).toBeGreaterThan(0);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    matrix.record('anthropic', upstream, 'text, streamed', 'works');
  });

  it('returns tool_use blocks with object inputs and stop_reason tool_use', async () => {
    const message = await world.anthropic.messages.create({ model, max_tokens: 500, tools: [WEATHER_TOOL], messages: [user('Weather in Paris and Tokyo?')] });
    const calls = message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(call.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(call.name).toBe('get_weather');
      expect(call.input).toHaveProperty('city');
    }
    expect(message.stop_reason).toBe('tool_use');
    matrix.record('anthropic', upstream, 'tools', 'works');
  });

  it('streams 2 parallel tool calls with complete inputs at contiguous block indexes', async () => {
    const message = await world.anthropic.messages.stream({ model, max_tokens: 500, tools: [WEATHER_TOOL], messages: [user('Weather in Paris and Tokyo?')] }).finalMessage();
    const calls = message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
    expect(calls.map((c) => (c.input as { city: string }).city).join(' ')).toMatch(/Paris.*Tokyo|Tokyo.*Paris/);
    expect(message.stop_reason).toBe('tool_use');
    matrix.record('anthropic', upstream, 'tools, streamed (2 parallel calls)', 'works');
  });

  it('sends a tool_use / tool_result history in the upstream shape', async () => {
    const followup = readFixtureJson<Anthropic.MessageCreateParamsNonStreaming>('anthropic/tools.followup.request.json');
    await world.anthropic.messages.create({ ...followup, model, stream: false });
    const messages = turnsSent(upstream);
    if (upstream === 'openai') {
      const tools = messages.filter((m) => m['role'] === 'tool');
      expect(tools).toHaveLength(2);
      expect(String(tools[1]?.['content'])).toMatch(/^Error: /);
      const assistant = messages.find((m) => m['role'] === 'assistant') as { tool_calls: Array<{ id: string; function: { arguments: string } }> };
      expect(assistant.tool_calls.map((c) => c.id)).toEqual(tools.map((t) => t['tool_call_id']));
      expect(typeof assistant.tool_calls[0]?.function.arguments).toBe('string');
    }
    if (upstream === 'ollama') {
      const tools = messages.filter((m) => m['role'] === 'tool');
      expect(tools).toHaveLength(2);
      expect(tools.every((t) => t['tool_name'] === 'get_weather')).toBe(true);
    }
    if (upstream === 'openai-responses') {
      const calls = messages.filter((m) => m['type'] === 'function_call');
      const outputs = messages.filter((m) => m['type'] === 'function_call_output');
      expect(calls.map((c) => [c['call_id'], c['name'], JSON.parse(String(c['arguments']))])).toEqual([
        ['toolu_01A09q90qw90lq917835lq9P', 'get_weather', { city: 'Paris', unit: 'celsius' }],
        ['toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', 'get_weather', { city: 'Tokyo', unit: 'celsius' }],
      ]);
      expect(outputs.map((o) => o['call_id'])).toEqual(calls.map((c) => c['call_id']));
      expect(String(outputs[1]?.['output'])).toMatch(/^Error: /);
    }
    matrix.record('anthropic', upstream, 'tool results in history', 'works');
  });

  it('passes a base64 image in the upstream form', async () => {
    await world.anthropic.messages.create({
      model,
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } }] }],
    });
    const last = turnsSent(upstream).at(-1)!;
    if (upstream === 'openai') expect(JSON.stringify(last)).toContain(`data:image/png;base64,${PNG_BASE64}`);
    if (upstream === 'openai-responses') expect(last['content']).toContainEqual(expect.objectContaining({ type: 'input_image', image_url: `data:image/png;base64,${PNG_BASE64}` }));
    if (upstream === 'ollama') expect(last['images']).toEqual([PNG_BASE64]);
    if (upstream === 'anthropic') expect(JSON.stringify(last)).toContain(PNG_BASE64);
    matrix.record('anthropic', upstream, 'image (base64)', 'works');
  });

  it('passes an image URL where the upstream takes URLs, and refuses it for Ollama', async () => {
    const send = () =>
      world.anthropic.messages.create({
        model,
        max_tokens: 100,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }] }],
      });
    if (upstream === 'ollama') {
      await expectRefused(send, 'image');
      expect(world.mocks.ollama.requests).toHaveLength(0);
      matrix.record('anthropic', upstream, 'image (URL)', 'refused');
      return;
    }
    await send();
    expect(JSON.stringify(world.lastBody(upstream))).toContain('https://example.com/cat.png');
    if (upstream === 'openai-responses') expect(turnsSent(upstream).at(-1)?.['content']).toContainEqual(expect.objectContaining({ type: 'input_image', image_url: 'https://example.com/cat.png' }));
    matrix.record('anthropic', upstream, 'image (URL)', 'works');
  });

  it('maps extended thinking, and streams thinking back as thinking blocks where the upstream reasons', async () => {
    const stream = world.anthropic.messages.stream({
      model,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [user('Is 7919 prime?')],
    });
    const message = await stream.finalMessage();
    const body = world.lastBody(upstream);
    if (upstream === 'anthropic') {
      expect(body['thinking']).toEqual({ type: 'enabled', budget_tokens: 2048 });
      const thinking = message.content.find((b) => b.type === 'thinking');
      const fixture = readFixture('anthropic/thinking.stream.sse').toString('utf8');
      const signature = /"signature":"([^"]+)"/.exec(fixture.slice(fixture.indexOf('signature_delta')))?.[1];
      expect(thinking?.type === 'thinking' ? thinking.signature : undefined).toBe(signature);
    }
    if (upstream === 'openai') expect(body['reasoning_effort']).toBe('medium');
    if (upstream === 'ollama' || upstream === 'openai-responses') {
      if (upstream === 'ollama') expect(body['think']).toBe(true);
      else expect(body['reasoning']).toEqual({ effort: 'medium', summary: 'auto' });
      expect(message.content.some((b) => b.type === 'thinking' && b.thinking.length > 0)).toBe(true);
    }
    expect(textOf(message).length).toBeGreaterThan(0);
    matrix.record('anthropic', upstream, 'thinking / reasoning', 'works');
  });

  it('maps temperature, top_p, stop sequences and max_tokens (the Responses API has no stop: dropped, with a warning)', async () => {
    const { response } = await world.anthropic.messages
      .create({ model, max_tokens: 50, temperature: 0.5, top_p: 0.9, stop_sequences: ['END'], messages: [user('Count to five.')] })
      .withResponse();
    const body = world.lastBody(upstream);
    if (upstream === 'openai-responses') {
      expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, max_output_tokens: 50 });
      expect(body).not.toHaveProperty('stop');
      expect(response.headers.get('x-router-warnings')).toMatch(/stop/);
    }
    if (upstream === 'anthropic') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, stop_sequences: ['END'], max_tokens: 50 });
    if (upstream === 'openai') expect(body).toMatchObject({ temperature: 0.5, top_p: 0.9, stop: ['END'], max_completion_tokens: 50 });
    if (upstream === 'ollama') expect(body['options']).toMatchObject({ temperature: 0.5, top_p: 0.9, stop: ['END'], num_predict: 50 });
    matrix.record('anthropic', upstream, 'sampling and limits', 'works');
  });

  it('maps a JSON schema output format', async () => {
    const schema = { type: 'object', properties: { fact: { type: 'string' } }, required: ['fact'] };
    const params = { model, max_tokens: 100, messages: [user('An octopus fact as JSON.')], output_config: { format: { type: 'json_schema', schema } } };
    await world.anthropic.messages.create(params as unknown as Anthropic.MessageCreateParamsNonStreaming);
    const body = world.lastBody(upstream);
    if (upstream === 'anthropic') expect(body['output_config']).toEqual({ format: { type: 'json_schema', schema } });
    if (upstream === 'openai') expect(body['response_format']).toMatchObject({ type: 'json_schema', json_schema: expect.objectContaining({ schema }) });
    if (upstream === 'ollama') expect(body['format']).toEqual(schema);
    if (upstream === 'openai-responses') expect(body['text']).toMatchObject({ format: { type: 'json_schema', schema } });
    matrix.record('anthropic', upstream, 'JSON mode', 'works');
  });

  it("keeps an upstream 400's status, in Anthropic's error format", async () => {
    world.mocks[upstream].enqueue({ status: 400 });
    const error = await world.anthropic.messages.create({ model, max_tokens: 10, messages: [user('x')] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as { error?: { type?: string; error?: { type?: string } } }).error?.error?.type).toBe('invalid_request_error');
    matrix.record('anthropic', upstream, 'upstream error keeps status', 'works');
  });

  it('turns an upstream failure mid-stream into an event: error the SDK throws', async () => {
    world.mocks[upstream].enqueue({ midstreamError: true });
    const error = await world.anthropic.messages
      .stream({ model, max_tokens: 10, messages: [user('x')] })
      .finalMessage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    matrix.record('anthropic', upstream, 'mid-stream error in-band', 'works');
  });

  it('answers count_tokens: from Anthropic, or a labelled estimate', async () => {
    const response = await fetch(`${world.router.url}/v1/messages/count_tokens?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-client-0123456789', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model, messages: [user('Tell me an octopus fact.')] }),
    });
    expect(response.status).toBe(200);
    const counted = (await response.json()) as { input_tokens: number };
    expect(counted.input_tokens).toBeGreaterThan(0);
    if (upstream === 'anthropic') {
      expect(counted).toEqual(readFixtureJson('anthropic/count_tokens.response.json'));
      expect(world.lastBody('anthropic')['model']).toBe(MODELS.anthropic.upstream);
    } else {
      expect(response.headers.get('x-router-token-count')).toMatch(/estimate/);
    }
    matrix.record('anthropic', upstream, 'count_tokens', 'works');
  });
});

describe('Anthropic client refusals', () => {
  it('refuses server tools for a non-Anthropic upstream with a 400 naming the tool type', async () => {
    const tools = [{ type: 'web_search_20250305', name: 'web_search' }] as unknown as Anthropic.Tool[];
    await expectRefused(() => world.anthropic.messages.create({ model: MODELS.openai.client, max_tokens: 10, tools, messages: [user('x')] }), 'tools');
    expect(world.mocks.openai.requests).toHaveLength(0);
  });
});
