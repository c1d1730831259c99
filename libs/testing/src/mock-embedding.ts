import { createHash } from 'node:crypto';

/**
 * The vector a mock upstream answers for one input: deterministic, unit length, derived from SHA-256 of
 * `salt`, the block number and the input (text, or token ids joined by commas). Tests compute the
 * expected vector with this function and compare exactly. `salt` tells the families apart (`openai`,
 * `ollama`), so a test sees which upstream answered.
 */
export function mockEmbedding(input: string | readonly number[], dimensions: number, salt: string): number[] {
  const text = typeof input === 'string' ? input : input.join(',');
  const raw: number[] = [];
  for (let block = 0; raw.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${salt}\u0000${block}\u0000${text}`).digest();
    for (let offset = 0; offset + 4 <= digest.length && raw.length < dimensions; offset += 4) raw.push(digest.readUInt32LE(offset) / 2 ** 31 - 1);
  }
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? raw : raw.map((value) => value / norm);
}

/** The vector dimension of the mocks when a request names no `dimensions`. */
export const MOCK_EMBEDDING_DIMENSIONS = 16;

/** A rough prompt token count for the mocks' usage: 4 characters a token, one per token id. */
export function mockEmbeddingTokens(input: string | readonly number[]): number {
  return typeof input === 'string' ? Math.max(1, Math.ceil(input.length / 4)) : input.length;
}
