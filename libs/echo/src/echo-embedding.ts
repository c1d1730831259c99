import { createHash } from 'node:crypto';

/** The dimension of echo's vectors when the request names no `dimensions`. */
export const ECHO_EMBEDDING_DIMENSIONS = 8;

/**
 * Echo's embedding of one input: deterministic (the same input and dimension give the same vector on every
 * run and machine), unit length, derived from SHA-256 of the input (`text`, or the token ids joined by
 * commas) and the block number, 4 bytes per component mapped to [-1, 1). Tests compute the expected vector
 * with this function.
 */
export function echoEmbedding(input: string | readonly number[], dimensions: number = ECHO_EMBEDDING_DIMENSIONS): number[] {
  const text = typeof input === 'string' ? input : input.join(',');
  const raw: number[] = [];
  for (let block = 0; raw.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}\u0000${text}`).digest();
    for (let offset = 0; offset + 4 <= digest.length && raw.length < dimensions; offset += 4) raw.push(digest.readUInt32LE(offset) / 2 ** 31 - 1);
  }
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? raw : raw.map((value) => value / norm);
}
