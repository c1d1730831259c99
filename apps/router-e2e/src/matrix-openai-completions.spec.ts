import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type OpenAI from 'openai';
import { MatrixRecorder, type MatrixFeature, type MatrixUpstream } from './support/matrix.js';
import { expectRefused, MODELS, startMatrixWorld, UPSTREAMS, type MatrixWorld } from './support/matrix-setup.js';

// The OpenAI legacy completions client (`client.completions`) against each provider: passthrough to
// OpenAI, the prompt as one user message for Anthropic and an `api: responses` OpenAI model, /api/generate
// (raw) for Ollama.

const matrix = new MatrixRecorder('openai-completions');

let world: MatrixWorld;
beforeAll(async () => {
  world = await startMatrixWorld();
}, 30_000);
afterAll(async () => {
  // Chat features do not exist for a legacy completion.
  const chatOnly: MatrixFeature[] = [
    'system prompt',
    'tools',
    'tools, streamed (2 parallel calls)',
    'tool results in history',
    'image (base64)',
    'image (URL)',
    'thinking / reasoning',
    'JSON mode',
    'count_tokens',
  ];
  for (const upstream of UPSTREAMS) for (const feature of chatOnly) matrix.record('openai-completions', upstream, feature, 'na');
  matrix.write();
  await world?.close();
}, 20_000);
beforeEach(() => Object.values(world.mocks).forEach((m) => m.reset()));

describe.each(UPSTREAMS)('OpenAI completions client -> %s', (upstream: MatrixUpstream) => {
  const model = MODELS[upstream].client;
  const prompt = 'Once upon a time';

  it('completes a prompt, with the client model name, a finish reason and usage', async () => {
    const completion = await world.openai.completions.create({ model, prompt, max_tokens: 50 });
    expect(completion.model).toBe(model);
    expect(completion.object).toBe('text_completion');
    expect(completion.choices[0]?.text.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(completion.choices[0]?.finish_reason);
    const body = world.lastBody(upstream);
    if (upstream === 'openai') expect(body['prompt']).toBe(prompt);
    if (upstream === 'anthropic') {
      const messages = body['messages'] as Array<Record<string, unknown>>;
      expect(messages).toHaveLength(1);
      expect(messages[0]?.['role']).toBe('user');
      expect(JSON.stringify(messages[0]?.['content'])).toContain(prompt);
    }
    if (upstream === 'ollama') {
      expect(world.mocks.ollama.requests.at(-1)?.path).toBe('/api/generate');
      expect(body).toMatchObject({ prompt, raw: true, stream: false });
    }
    if (upstream === 'openai-responses') {
      expect(world.lastPath(upstream)).toBe('/v1/responses');
      expect(body['input']).toEqual([{ type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] }]);
    }
    matrix.record('openai-completions', upstream, 'text', 'works');

    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    matrix.record('openai-completions', upstream, 'usage', 'works');
  });

  it('streams text_completion chunks to a finish reason', async () => {
    const stream = await world.openai.completions.create({ model, prompt, max_tokens: 50, stream: true });
    let text = '';
    const chunks: OpenAI.Completions.Completion[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.text ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.model === model)).toBe(true);
    expect(chunks.some((c) => c.choices[0]?.finish_reason)).toBe(true);
    matrix.record('openai-completions', upstream, 'text, streamed', 'works');
  });

  it('maps temperature, top_p, stop and max_tokens (the Responses API has no stop: dropped, with a warning)', async () => {
    const { response } = await world.openai.completions.create({ model, prompt, max_tokens: 40, temperature: 0.3, top_p: 0.8, stop: ['\n\n'] }).withResponse();
    const body = world.lastBody(upstream);
    if (upstream === 'openai-responses') {
      expect(body).toMatchObject({ max_output_tokens: 40, temperature: 0.3, top_p: 0.8 });
      expect(body).not.toHaveProperty('stop');
      expect(response.headers.get('x-router-warnings')).toMatch(/stop/);
    }
    if (upstream === 'openai') expect(body).toMatchObject({ max_tokens: 40, temperature: 0.3, top_p: 0.8, stop: ['\n\n'] });
    if (upstream === 'anthropic') expect(body).toMatchObject({ max_tokens: 40, temperature: 0.3, top_p: 0.8, stop_sequences: ['\n\n'] });
    if (upstream === 'ollama') expect(body['options']).toMatchObject({ num_predict: 40, temperature: 0.3, top_p: 0.8, stop: ['\n\n'] });
    matrix.record('openai-completions', upstream, 'sampling and limits', 'works');
  });

  it("keeps an upstream 400's status, in OpenAI's error format", async () => {
    world.mocks[upstream].enqueue({ status: 400 });
    const error = await world.openai.completions.create({ model, prompt, max_tokens: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    matrix.record('openai-completions', upstream, 'upstream error keeps status', 'works');
  });

  it('turns an upstream failure mid-stream into an in-band error the SDK throws', async () => {
    world.mocks[upstream].enqueue({ midstreamError: true });
    const stream = await world.openai.completions.create({ model, prompt, max_tokens: 10, stream: true });
    const error = await (async () => {
      for await (const chunk of stream) void chunk;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    matrix.record('openai-completions', upstream, 'mid-stream error in-band', 'works');
  });

  // What only some upstreams can do: honoured there, refused with a 400 naming the field elsewhere.
  const capability = async (field: string, params: Partial<OpenAI.Completions.CompletionCreateParamsNonStreaming>, worksOn: MatrixUpstream[]) => {
    const send = () => world.openai.completions.create({ model, prompt, max_tokens: 10, ...params });
    if (worksOn.includes(upstream)) {
      await send();
      return 'works' as const;
    }
    await expectRefused(send, field);
    expect(world.mocks[upstream].requests).toHaveLength(0);
    return 'refused' as const;
  };

  it('suffix: OpenAI passthrough and Ollama /api/generate, a 400 for Anthropic and the Responses API', async () => {
    const outcome = await capability('suffix', { suffix: ' The end.' }, ['openai', 'ollama']);
    if (outcome === 'works') expect(world.lastBody(upstream)['suffix']).toBe(' The end.');
    matrix.record('openai-completions', upstream, 'suffix (fill in the middle)', outcome);
  });

  it('echo: OpenAI only', async () => {
    const outcome = await capability('echo', { echo: true }, ['openai']);
    if (outcome === 'works') expect(world.lastBody('openai')['echo']).toBe(true);
    matrix.record('openai-completions', upstream, 'echo', outcome);
  });

  it('n > 1: OpenAI only', async () => {
    const outcome = await capability('n', { n: 2 }, ['openai']);
    if (outcome === 'works') expect(world.lastBody('openai')['n']).toBe(2);
    matrix.record('openai-completions', upstream, 'n > 1', outcome);
  });

  it('logprobs: OpenAI and Ollama, a 400 for Anthropic and the Responses API', async () => {
    const outcome = await capability('logprobs', { logprobs: 2 }, ['openai', 'ollama']);
    if (outcome === 'works' && upstream === 'ollama') expect(world.lastBody('ollama')).toMatchObject({ logprobs: true, top_logprobs: 2 });
    matrix.record('openai-completions', upstream, 'logprobs', outcome);
  });
});
