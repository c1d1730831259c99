import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockEmbedding, MOCK_EMBEDDING_DIMENSIONS } from '../mock-embedding.js';
import type { MockUpstream } from '../mock-upstream.js';
import { startMockOpenAI } from '../start-mock-openai.js';
import { OPENAI_EMBEDDING_SALT } from './openai-embeddings-route.js';

describe('mock OpenAI POST /v1/embeddings', () => {
  let mock: MockUpstream;
  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterAll(() => mock.close());
  const post = async (body: unknown) => {
    const response = await fetch(`${mock.origin}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('answers floats by default, one deterministic vector per input, with usage', async () => {
    const { status, json } = await post({ model: 'text-embedding-3-small', input: ['abcd', 'efgh'] });
    expect(status).toBe(200);
    expect(json).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: mockEmbedding('abcd', MOCK_EMBEDDING_DIMENSIONS, OPENAI_EMBEDDING_SALT) },
        { object: 'embedding', index: 1, embedding: mockEmbedding('efgh', MOCK_EMBEDDING_DIMENSIONS, OPENAI_EMBEDDING_SALT) },
      ],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    });
  });

  it('answers base64 little-endian float32 when asked, with `dimensions` components', async () => {
    const { json } = await post({ model: 'm', input: 'hi', encoding_format: 'base64', dimensions: 3 });
    const data = json['data'] as Array<{ embedding: string }>;
    const bytes = Buffer.from(data[0]?.embedding ?? '', 'base64');
    const decoded = [0, 1, 2].map((i) => bytes.readFloatLE(i * 4));
    expect(bytes.length).toBe(12);
    expect(decoded).toEqual(mockEmbedding('hi', 3, OPENAI_EMBEDDING_SALT).map((v) => Math.fround(v)));
  });

  it.each([
    [{ model: 'm' }, "Missing required parameter: 'input'."],
    [{ model: 'm', input: '' }, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."],
    [{ model: 'm', input: ['a', ''] }, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."],
    [{ model: 'm', input: [] }, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."],
    [{ model: 'm', input: 'x', encoding_format: 'binary' }, "Invalid value: 'binary'. Supported values are: 'float', and 'base64'."],
    [{ model: 'm', input: 'x', dimensions: 0 }, "Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got 0 instead."],
    [{ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 }, 'This model does not support specifying dimensions.'],
    [{ model: 'm', input: 'x', truncate: true }, 'Unrecognized request argument supplied: truncate'],
  ])('refuses %j with a 400', async (body, message) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { message, type: 'invalid_request_error' } });
  });

  it('takes token ids', async () => {
    const { status, json } = await post({ model: 'm', input: [[1, 2], [3]] });
    expect(status).toBe(200);
    expect((json['data'] as unknown[]).length).toBe(2);
  });
});
