import { describe, expect, it } from '@jest/globals';
import { openAIEmbeddingsDialect, openAIProvider } from '../index.js';

describe('openAIEmbeddingsDialect', () => {
  it('passes embeddings through to <endpoint>/embeddings', () => {
    expect(openAIProvider.embeddings).toBe(openAIEmbeddingsDialect);
    expect(openAIEmbeddingsDialect.passthrough).toBe(true);
    expect(openAIEmbeddingsDialect.url('https://api.openai.com/v1')).toBe('https://api.openai.com/v1/embeddings');
    expect(openAIEmbeddingsDialect.url('http://vllm:8000/v1//')).toBe('http://vllm:8000/v1/embeddings');
  });
});
