import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockEmbedding, MOCK_EMBEDDING_DIMENSIONS } from '../mock-embedding.js';
import type { MockUpstream } from '../mock-upstream.js';
import { startMockOllama } from '../start-mock-ollama.js';
import { OLLAMA_EMBEDDING_SALT } from './ollama-embed-answer.js';

describe('mock Ollama POST /api/embed', () => {
  let mock: MockUpstream;
  beforeAll(async () => {
    mock = await startMockOllama({ models: ['nomic-embed-text'] });
  });
  afterAll(() => mock.close());
  const post = async (body: unknown) => {
    const response = await fetch(`${mock.origin}/api/embed`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('answers floats for a string or a list, with prompt_eval_count', async () => {
    const { status, json } = await post({ model: 'nomic-embed-text', input: ['abcd', 'efghijkl'], truncate: true });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      model: 'nomic-embed-text',
      embeddings: [mockEmbedding('abcd', MOCK_EMBEDDING_DIMENSIONS, OLLAMA_EMBEDDING_SALT), mockEmbedding('efghijkl', MOCK_EMBEDDING_DIMENSIONS, OLLAMA_EMBEDDING_SALT)],
      prompt_eval_count: 3,
    });
    expect((await post({ model: 'nomic-embed-text', input: 'x', dimensions: 4 })).json['embeddings']).toEqual([mockEmbedding('x', 4, OLLAMA_EMBEDDING_SALT)]);
  });

  it.each([
    [{ model: 'nomic-embed-text', input: [1, 2, 3] }, 400, 'invalid input type'],
    [{ model: 'nomic-embed-text', input: [[1, 2]] }, 400, 'invalid input type'],
    [{ input: 'x' }, 400, 'model is required'],
    [{ model: 'nomic-embed-text', input: 'x', truncate: 'yes' }, 400, 'json: cannot unmarshal string into Go struct field EmbedRequest.truncate of type bool'],
    [{ model: 'nomic-embed-text', input: 'x', encoding_format: 'float' }, 400, 'json: unknown field "encoding_format"'],
    [{ model: 'other', input: 'x' }, 404, "model 'other' not found"],
  ])('refuses %j', async (body, status, error) => {
    const answer = await post(body);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error });
  });
});
