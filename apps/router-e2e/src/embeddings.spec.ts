import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { createOpenAI } from '@ai-sdk/openai';
import { OpenAIEmbeddings } from '@langchain/openai';
import { mockEmbedding, MOCK_EMBEDDING_DIMENSIONS, OLLAMA_EMBEDDING_SALT, OPENAI_EMBEDDING_SALT, startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { embed, embedMany } from 'ai';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// POST /v1/embeddings through the official clients against the built router: OpenAI passthrough, Ollama
// (/api/embed) and echo translated, base64 (the openai SDK's default) and float both exact; and
// GET /v1/models/{id} in both families' shapes.

const UPSTREAM_KEY = 'sk-upstream-embeddings-0123456789';
const KEYS = { all: 'sk-router-all-embeddings-0123', chatOnly: 'sk-router-chat-embeddings-0123' };

const openaiVector = (input: string | number[], dimensions = MOCK_EMBEDDING_DIMENSIONS) => mockEmbedding(input, dimensions, OPENAI_EMBEDDING_SALT);
const ollamaVector = (input: string, dimensions = MOCK_EMBEDDING_DIMENSIONS) => mockEmbedding(input, dimensions, OLLAMA_EMBEDDING_SALT);
/** What a float32 round trip makes of a vector: the values a base64 answer carries. */
const float32 = (vector: readonly number[]) => vector.map((value) => Math.fround(value));

describe('embeddings and model lookup through the official clients', () => {
  let openaiMock: MockUpstream;
  let ollamaMock: MockUpstream;
  let anthropicMock: MockUpstream;
  let router: RunningRouter;
  let client: OpenAI;

  beforeAll(async () => {
    openaiMock = await startMockOpenAI({ apiKey: UPSTREAM_KEY });
    ollamaMock = await startMockOllama({ models: ['nomic-embed-text'] });
    anthropicMock = await startMockAnthropic({ apiKey: UPSTREAM_KEY });
    router = await startRouter({
      config: {
        models: {
          'embed-openai': { provider: 'openai', endpoint: `${openaiMock.origin}/v1`, api_key: UPSTREAM_KEY, actual_model_name: 'text-embedding-3-small' },
          'embed-ollama': { provider: 'ollama', endpoint: ollamaMock.origin, actual_model_name: 'nomic-embed-text' },
          'embed-ollama-strict': {
            provider: 'ollama',
            endpoint: ollamaMock.origin,
            actual_model_name: 'nomic-embed-text',
            transformations: [{ name: 'no-truncate', type: 'jsonpath_add', path: '$.truncate', value: false }],
          },
          'embed-echo': { provider: 'echo' },
          'meta/llama-embed': { provider: 'echo' },
          claude: { provider: 'anthropic', endpoint: anthropicMock.origin, api_key: UPSTREAM_KEY },
        },
      },
    });
    client = new OpenAI({ apiKey: 'sk-client', baseURL: `${router.url}/v1`, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openaiMock?.close();
    await ollamaMock?.close();
    await anthropicMock?.close();
  });

  beforeEach(() => {
    openaiMock.reset();
    ollamaMock.reset();
  });

  describe('openai SDK embeddings.create', () => {
    it('passes base64 (the SDK default) through to openai: the decoded vectors are the mock’s, named with the client model', async () => {
      const answer = await client.embeddings.create({ model: 'embed-openai', input: ['first text', 'second text'] });
      expect(openaiMock.requests[0]?.body).toEqual({ model: 'text-embedding-3-small', input: ['first text', 'second text'], encoding_format: 'base64' });
      expect(answer.model).toBe('embed-openai');
      expect(answer.data.map((d) => d.embedding)).toEqual([float32(openaiVector('first text')), float32(openaiVector('second text'))]);
      expect(answer.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
    });

    it('passes float and dimensions through to openai exactly, token ids included', async () => {
      const answer = await client.embeddings.create({ model: 'embed-openai', input: 'hello', encoding_format: 'float', dimensions: 4 });
      expect(answer.data[0]?.embedding).toEqual(openaiVector('hello', 4));
      const tokens = await client.embeddings.create({ model: 'embed-openai', input: [[1, 2, 3]], encoding_format: 'float' });
      expect(tokens.data[0]?.embedding).toEqual(openaiVector([1, 2, 3]));
    });

    it('translates to Ollama /api/embed: base64 is little-endian float32 of Ollama’s floats, float is exact', async () => {
      const base64 = await client.embeddings.create({ model: 'embed-ollama', input: ['alpha', 'beta'] });
      expect(ollamaMock.requests[0]?.path).toBe('/api/embed');
      expect(ollamaMock.requests[0]?.body).toEqual({ model: 'nomic-embed-text', input: ['alpha', 'beta'] });
      expect(base64).toMatchObject({ object: 'list', model: 'embed-ollama', usage: { prompt_tokens: 3, total_tokens: 3 } });
      expect(base64.data.map((d) => d.embedding)).toEqual([float32(ollamaVector('alpha')), float32(ollamaVector('beta'))]);
      const floats = await client.embeddings.create({ model: 'embed-ollama', input: 'alpha', encoding_format: 'float', dimensions: 5 });
      expect(ollamaMock.requests[1]?.body).toEqual({ model: 'nomic-embed-text', input: 'alpha', dimensions: 5 });
      expect(floats.data).toEqual([{ object: 'embedding', index: 0, embedding: ollamaVector('alpha', 5) }]);
    });

    it('carries a transformation’s truncate to Ollama', async () => {
      await client.embeddings.create({ model: 'embed-ollama-strict', input: 'x', encoding_format: 'float' });
      expect(ollamaMock.requests[0]?.body).toEqual({ model: 'nomic-embed-text', input: 'x', truncate: false });
    });

    it('answers echo with deterministic unit vectors, base64 and float agreeing exactly', async () => {
      const floats = await client.embeddings.create({ model: 'embed-echo', input: ['same', 'other'], encoding_format: 'float' });
      const again = await client.embeddings.create({ model: 'embed-echo', input: ['same', 'other'], encoding_format: 'float' });
      const base64 = await client.embeddings.create({ model: 'embed-echo', input: ['same', 'other'] });
      const [same, other] = floats.data.map((d) => d.embedding);
      expect(same).toHaveLength(8);
      expect(Math.hypot(...(same ?? []))).toBeCloseTo(1, 10);
      expect(same).not.toEqual(other);
      expect(again.data).toEqual(floats.data);
      expect(base64.data.map((d) => d.embedding)).toEqual(floats.data.map((d) => float32(d.embedding)));
      expect(floats.model).toBe('embed-echo');
      const sized = await client.embeddings.create({ model: 'embed-echo', input: 'same', dimensions: 3, encoding_format: 'float' });
      expect(sized.data[0]?.embedding).toHaveLength(3);
    });

    it('refuses an anthropic model with a 400 naming the provider, before any upstream call', async () => {
      const error = await client.embeddings.create({ model: 'claude', input: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, param: 'model', message: expect.stringContaining("The model 'claude' is served by the anthropic provider, which has no embeddings API.") });
      expect(anthropicMock.requests).toHaveLength(0);
    });

    it('refuses token ids to Ollama with a 400 on input, before any upstream call', async () => {
      const error = await client.embeddings.create({ model: 'embed-ollama', input: [1, 2, 3] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, param: 'input', message: expect.stringContaining('text only') });
      expect(ollamaMock.requests).toHaveLength(0);
    });

    it('answers an unknown model with 404 model_not_found and invalid input with 400 naming the param', async () => {
      const missing = await client.embeddings.create({ model: 'nope', input: 'x' }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      expect(missing).toMatchObject({ status: 404, code: 'model_not_found' });
      const empty = await client.embeddings.create({ model: 'embed-ollama', input: ['ok', ''] }).catch((e: unknown) => e);
      expect(empty).toMatchObject({ status: 400, param: 'input[1]' });
      expect(ollamaMock.requests).toHaveLength(0);
    });

    it('renders an Ollama error in OpenAI’s format with its status', async () => {
      ollamaMock.enqueue({ status: 404 });
      const error = await client.embeddings.create({ model: 'embed-ollama', input: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ status: 404 });
      expect((error as Error).message).toContain("ollama: model 'nomic-embed-text' not found");
    });
  });

  describe('Vercel AI SDK', () => {
    it('embed() and embedMany() get the exact vectors (floats) from openai and ollama', async () => {
      const provider = createOpenAI({ baseURL: `${router.url}/v1`, apiKey: 'sk-client' });
      const one = await embed({ model: provider.embedding('embed-openai'), value: 'sunny day', maxRetries: 0 });
      expect(one.embedding).toEqual(openaiVector('sunny day'));
      expect(one.usage.tokens).toBe(3);
      const many = await embedMany({ model: provider.embedding('embed-ollama'), values: ['rain', 'snow'], maxRetries: 0 });
      expect(many.embeddings).toEqual([ollamaVector('rain'), ollamaVector('snow')]);
      expect(ollamaMock.requests[0]?.body).toEqual({ model: 'nomic-embed-text', input: ['rain', 'snow'] });
    });
  });

  describe('LangChain OpenAIEmbeddings', () => {
    it('embedQuery and embedDocuments get the exact vectors through ollama', async () => {
      const embeddings = new OpenAIEmbeddings({ model: 'embed-ollama', apiKey: 'sk-client', configuration: { baseURL: `${router.url}/v1` }, maxRetries: 0 });
      expect(await embeddings.embedQuery('what is up')).toEqual(float32(ollamaVector('what is up')));
      expect(await embeddings.embedDocuments(['doc one', 'doc two'])).toEqual([float32(ollamaVector('doc one')), float32(ollamaVector('doc two'))]);
    });
  });

  describe('GET /v1/models/{id}', () => {
    it('retrieves a model in OpenAI’s shape (ids with a slash included) and 404s an unknown one', async () => {
      await expect(client.models.retrieve('embed-ollama')).resolves.toMatchObject({ id: 'embed-ollama', object: 'model', owned_by: 'ollama', created: expect.any(Number) });
      await expect(client.models.retrieve('meta/llama-embed')).resolves.toMatchObject({ id: 'meta/llama-embed', object: 'model', owned_by: 'echo' });
      const missing = await client.models.retrieve('nope').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      expect(missing).toMatchObject({ status: 404, code: 'model_not_found' });
    });

    it('retrieves a model in Anthropic’s shape for the Anthropic SDK and 404s an unknown one as not_found_error', async () => {
      const anthropic = new Anthropic({ apiKey: 'sk-client', baseURL: router.url, maxRetries: 0 });
      const model = await anthropic.models.retrieve('claude');
      expect(model).toMatchObject({ type: 'model', id: 'claude', display_name: 'claude' });
      expect(Number.isNaN(Date.parse(model.created_at))).toBe(false);
      const missing = await anthropic.models.retrieve('nope').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
      expect(missing).toMatchObject({ status: 404, error: { type: 'error', error: { type: 'not_found_error' } } });
    });
  });
});

describe('embeddings with auth keys', () => {
  let router: RunningRouter;
  beforeAll(async () => {
    router = await startRouter({
      config: {
        models: { 'embed-echo': { provider: 'echo' }, chat: { provider: 'echo' } },
        auth: { keys: [{ name: 'all', key: KEYS.all }, { name: 'chat-only', key: KEYS.chatOnly, models: ['chat'] }] },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
  });
  const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${router.url}/v1`, maxRetries: 0 });

  it('serves an allowed key, refuses a key not allowed the model with 403 and a missing key with 401', async () => {
    await expect(client(KEYS.all).embeddings.create({ model: 'embed-echo', input: 'x' })).resolves.toMatchObject({ object: 'list' });
    const refused = await client(KEYS.chatOnly).embeddings.create({ model: 'embed-echo', input: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403 });
    const anonymous = await fetch(`${router.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'embed-echo', input: 'x' }) });
    expect(anonymous.status).toBe(401);
  });

  it('shows GET /v1/models/{id} only for models the key may use (404 otherwise)', async () => {
    await expect(client(KEYS.chatOnly).models.retrieve('chat')).resolves.toMatchObject({ id: 'chat' });
    await expect(client(KEYS.chatOnly).models.retrieve('embed-echo')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client(KEYS.all).models.retrieve('embed-echo')).resolves.toMatchObject({ id: 'embed-echo' });
  });
});
