import { describe, expect, it } from '@jest/globals';
import { readEmbeddingsRequest, RouterError } from '@llm-router/core';
import { ollamaEmbeddingsDialect, ollamaProvider } from '../index.js';

const encode = (body: Record<string, unknown>) => ollamaEmbeddingsDialect.encodeRequest(readEmbeddingsRequest(body), body, 'nomic-embed-text');

describe('ollamaEmbeddingsDialect', () => {
  it('is the provider’s translated embeddings dialect on <endpoint>/api/embed', () => {
    expect(ollamaProvider.embeddings).toBe(ollamaEmbeddingsDialect);
    expect(ollamaEmbeddingsDialect.passthrough).toBe(false);
    expect(ollamaEmbeddingsDialect.url('http://localhost:11434/')).toBe('http://localhost:11434/api/embed');
  });

  it('encodes text input, dimensions and the upstream model; encoding_format stays with the router', () => {
    expect(encode({ model: 'embed', input: 'hi', encoding_format: 'base64' })).toEqual({ model: 'nomic-embed-text', input: 'hi' });
    expect(encode({ model: 'embed', input: ['a', 'b'], dimensions: 4 })).toEqual({ model: 'nomic-embed-text', input: ['a', 'b'], dimensions: 4 });
  });

  it('carries truncate, keep_alive and options a transformation added', () => {
    expect(encode({ model: 'embed', input: 'x', truncate: false, keep_alive: '5m', options: { num_ctx: 512 } })).toEqual({
      model: 'nomic-embed-text',
      input: 'x',
      truncate: false,
      keep_alive: '5m',
      options: { num_ctx: 512 },
    });
    expect(() => encode({ model: 'embed', input: 'x', truncate: 'no' })).toThrow(expect.objectContaining({ status: 400, param: 'truncate' }));
  });

  it.each([[[1, 2, 3]], [[[1], [2]]]])('refuses token-id input %j with a 400 on input', (input) => {
    let caught: unknown;
    try {
      encode({ model: 'embed', input });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RouterError);
    expect(caught).toMatchObject({ status: 400, param: 'input', message: expect.stringContaining('text only') });
  });

  it('names the fields Ollama does not take', () => {
    expect(ollamaEmbeddingsDialect.unsupportedFields({ model: 'm', input: 'x', user: 'u', dimensions: 3, extra: null })).toEqual(['user']);
  });

  it('decodes embeddings and prompt_eval_count; refuses an answer without vectors with a 502', () => {
    expect(ollamaEmbeddingsDialect.decodeResponse({ model: 'm', embeddings: [[0.1, 0.2]], prompt_eval_count: 5 })).toEqual({ vectors: [[0.1, 0.2]], inputTokens: 5 });
    expect(ollamaEmbeddingsDialect.decodeResponse({ embeddings: [] })).toEqual({ vectors: [], inputTokens: 0 });
    expect(() => ollamaEmbeddingsDialect.decodeResponse({ embedding: [0.1] })).toThrow(expect.objectContaining({ status: 502 }));
    expect(() => ollamaEmbeddingsDialect.decodeResponse({ embeddings: [['x']] })).toThrow(expect.objectContaining({ kind: 'bad_gateway' }));
  });
});
