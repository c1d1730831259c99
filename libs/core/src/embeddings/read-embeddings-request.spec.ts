import { describe, expect, it } from '@jest/globals';
import { RouterError } from '../errors/router-error.js';
import { embeddingInputCount, isTokenInput } from './embeddings-request.js';
import { readEmbeddingsRequest } from './read-embeddings-request.js';

function refusal(body: unknown): RouterError {
  try {
    readEmbeddingsRequest(body);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('readEmbeddingsRequest', () => {
  it('accepts each input shape, defaulting encoding_format to float', () => {
    expect(readEmbeddingsRequest({ model: 'm', input: 'hi' })).toEqual({ model: 'm', input: 'hi', encodingFormat: 'float' });
    expect(readEmbeddingsRequest({ model: 'm', input: ['a', 'b'], encoding_format: 'base64', dimensions: 3, user: 'u' })).toEqual({
      model: 'm',
      input: ['a', 'b'],
      encodingFormat: 'base64',
      dimensions: 3,
      user: 'u',
    });
    expect(readEmbeddingsRequest({ model: 'm', input: [1, 2, 3] }).input).toEqual([1, 2, 3]);
    expect(readEmbeddingsRequest({ model: 'm', input: [[1], [2, 3]] }).input).toEqual([[1], [2, 3]]);
    expect(readEmbeddingsRequest({ model: 'm', input: 'x', dimensions: null, user: null, encoding_format: null })).toEqual({ model: 'm', input: 'x', encodingFormat: 'float' });
  });

  it('takes a single token list longer than 2048 tokens (one input), but not 2049 inputs', () => {
    expect(readEmbeddingsRequest({ model: 'm', input: Array.from({ length: 3000 }, () => 1) }).input).toHaveLength(3000);
    expect(refusal({ model: 'm', input: Array.from({ length: 2049 }, () => 'a') })).toMatchObject({ status: 400, param: 'input' });
    expect(refusal({ model: 'm', input: Array.from({ length: 2049 }, () => [1]) })).toMatchObject({ status: 400, param: 'input' });
  });

  it.each([
    [{ input: 'x' }, 'model'],
    [{ model: 'm' }, 'input'],
    [{ model: 'm', input: '' }, 'input'],
    [{ model: 'm', input: [] }, 'input'],
    [{ model: 'm', input: 42 }, 'input'],
    [{ model: 'm', input: ['a', ''] }, 'input[1]'],
    [{ model: 'm', input: ['a', 1] }, 'input[1]'],
    [{ model: 'm', input: [1, 'a'] }, 'input[1]'],
    [{ model: 'm', input: [1, -1] }, 'input[1]'],
    [{ model: 'm', input: [1.5] }, 'input[0]'],
    [{ model: 'm', input: [[1], []] }, 'input[1]'],
    [{ model: 'm', input: [[1], [2, 'x']] }, 'input[1][1]'],
    [{ model: 'm', input: 'x', encoding_format: 'binary' }, 'encoding_format'],
    [{ model: 'm', input: 'x', dimensions: 0 }, 'dimensions'],
    [{ model: 'm', input: 'x', dimensions: 1.5 }, 'dimensions'],
    [{ model: 'm', input: 'x', dimensions: '8' }, 'dimensions'],
    [{ model: 'm', input: 'x', user: 7 }, 'user'],
  ])('refuses %j with a 400 naming %s', (body, param) => {
    expect(refusal(body)).toMatchObject({ kind: 'invalid_request', status: 400, param });
  });

  it('refuses a body that is not an object', () => {
    expect(refusal([1])).toMatchObject({ status: 400 });
  });
});

describe('isTokenInput', () => {
  it('tells token ids from text', () => {
    expect(isTokenInput('a')).toBe(false);
    expect(isTokenInput(['a'])).toBe(false);
    expect(isTokenInput([1])).toBe(true);
    expect(isTokenInput([[1]])).toBe(true);
  });
});

describe('embeddingInputCount', () => {
  it('counts one vector per text or token list', () => {
    expect(embeddingInputCount('a')).toBe(1);
    expect(embeddingInputCount([1, 2])).toBe(1);
    expect(embeddingInputCount(['a', 'b', 'c'])).toBe(3);
    expect(embeddingInputCount([[1], [2]])).toBe(2);
  });
});
