import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '@llm-router/config';
import type { FastifyRequest } from 'fastify';
import { admissionEstimate } from './admission-estimate.js';

const model = parseConfig('models:\n  m: {provider: echo, max_output_tokens: 1000}\n', 'test.yaml', { env: {} }).models['m']!;
const request = (body: Record<string, unknown>) => ({ headers: { 'content-length': '400' }, body }) as unknown as FastifyRequest;

describe('admissionEstimate', () => {
  it("reserves each format's own output cap, clamped to the model's ceiling", () => {
    expect(admissionEstimate(request({ max_tokens: 300 }), model).maxOutputTokens).toBe(300);
    expect(admissionEstimate(request({ max_completion_tokens: 200 }), model).maxOutputTokens).toBe(200);
    expect(admissionEstimate(request({ max_output_tokens: 100 }), model).maxOutputTokens).toBe(100);
    expect(admissionEstimate(request({ max_output_tokens: 5000 }), model).maxOutputTokens).toBe(1000);
    expect(admissionEstimate(request({}), model).maxOutputTokens).toBe(1000);
  });

  it('reserves no output for embeddings, and estimates the prompt from the body length', () => {
    expect(admissionEstimate(request({ input: 'x' }), model, 'embeddings')).toEqual({ inputTokens: 100, maxOutputTokens: 0 });
  });
});
