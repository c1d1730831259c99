import { describe, expect, it } from '@jest/globals';
import { readEmbeddingsRequest } from '@llm-router/core';
import { echoEmbedding, echoEmbeddingsDialect, EchoProvider } from './index.js';

async function embed(body: Record<string, unknown>): Promise<unknown> {
  const encoded = echoEmbeddingsDialect.encodeRequest(readEmbeddingsRequest(body), body, 'upstream-name');
  const transport = echoEmbeddingsDialect.transport;
  if (transport === undefined) throw new Error('echo embeddings bring their own transport');
  const response = await transport.send(
    { method: 'POST', url: echoEmbeddingsDialect.url('echo://local'), headers: {}, body: Buffer.from(JSON.stringify(encoded)), format: 'openai-chat', stream: false },
    { connectTimeoutMs: 1, responseTimeoutMs: 1, idleTimeoutMs: 1, rejectUnauthorized: true },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return echoEmbeddingsDialect.decodeResponse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
}

describe('echoEmbedding', () => {
  it('is deterministic, unit length, 8 components by default and `dimensions` when given', () => {
    const vector = echoEmbedding('hello');
    expect(vector).toHaveLength(8);
    expect(echoEmbedding('hello')).toEqual(vector);
    expect(echoEmbedding('hello!')).not.toEqual(vector);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 12);
    const long = echoEmbedding('hello', 20);
    expect(long).toHaveLength(20);
    expect(Math.hypot(...long)).toBeCloseTo(1, 12);
  });
});

describe('echoEmbeddingsDialect', () => {
  it('is the echo provider’s translated dialect on echo://…/v1/embeddings', () => {
    expect(new EchoProvider({ codecFor: () => { throw new Error('unused'); }, maskHeaders: (h) => h }).embeddings).toBe(echoEmbeddingsDialect);
    expect(echoEmbeddingsDialect.url('echo://local/')).toBe('echo://local/v1/embeddings');
  });

  it('answers one echoEmbedding per input with estimated usage', async () => {
    await expect(embed({ model: 'e', input: ['abcd', 'efghijkl'], dimensions: 3 })).resolves.toEqual({
      vectors: [echoEmbedding('abcd', 3), echoEmbedding('efghijkl', 3)],
      inputTokens: 3,
    });
    await expect(embed({ model: 'e', input: 'hi' })).resolves.toEqual({ vectors: [echoEmbedding('hi')], inputTokens: 1 });
    await expect(embed({ model: 'e', input: [1, 2, 3] })).resolves.toEqual({ vectors: [echoEmbedding([1, 2, 3])], inputTokens: 3 });
    await expect(embed({ model: 'e', input: [[1], [2, 3]] })).resolves.toEqual({ vectors: [echoEmbedding([1]), echoEmbedding([2, 3])], inputTokens: 3 });
  });
});
