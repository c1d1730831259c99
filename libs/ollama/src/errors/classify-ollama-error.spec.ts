import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { ollamaFixture } from '../codec.spec-helper.js';
import { classifyOllamaError } from './classify-ollama-error.js';

describe('classifyOllamaError', () => {
  it('keeps a 400 "does not support tools" (error.400.json) as invalid_request, not retryable', () => {
    const error = classifyOllamaError(400, ollamaFixture('error.400.json').toString('utf8'), {});
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      retryable: false,
      provider: 'ollama',
      message: 'ollama: registry.ollama.ai/library/gemma:2b does not support tools',
    });
    expect(classifyOllamaError(400, '{"error":"\\"llama3.2\\" does not support thinking"}', {}).kind).toBe('invalid_request');
  });

  it("classifies the 404 model 'x' not found (error.404.json) as not_found", () => {
    expect(classifyOllamaError(404, ollamaFixture('error.404.json').toString('utf8'), {})).toMatchObject({
      kind: 'not_found',
      status: 404,
      retryable: false,
      message: "ollama: model 'llama3.3:70b' not found",
    });
  });

  it('makes 503 queue full overloaded and retryable, 429 rate_limit with retry-after, 408 a retryable timeout', () => {
    const busy = '{"error":"server busy, please try again.  maximum pending requests exceeded"}';
    expect(classifyOllamaError(503, busy, {})).toMatchObject({ kind: 'overloaded', status: 503, retryable: true });
    expect(classifyOllamaError(429, '{"error":"too many requests"}', { 'retry-after': '3' })).toMatchObject({ kind: 'rate_limit', retryable: true, retryAfterMs: 3000 });
    expect(classifyOllamaError(408, '', {})).toMatchObject({ kind: 'timeout', retryable: true });
    expect(classifyOllamaError(500, '{"error":"llama runner process has terminated: exit status 2"}', {})).toMatchObject({ kind: 'api_error', retryable: true });
    expect(classifyOllamaError(502, '{"error":"remote model is unavailable"}', {})).toMatchObject({ kind: 'bad_gateway', retryable: true });
  });

  it('turns 499 (request canceled) into a non-retryable api_error with status 500', () => {
    expect(classifyOllamaError(499, '{"error":"context canceled"}', {})).toMatchObject({ kind: 'api_error', status: 500, retryable: false, message: 'ollama: context canceled' });
  });

  it('describes non-JSON bodies (an auth proxy page, empty) by status and a snippet', () => {
    const proxy = classifyOllamaError(401, '<html><head><title>401 Authorization Required</title></head><body>nginx</body></html>', {});
    expect(proxy).toMatchObject({ kind: 'authentication', status: 401, retryable: false });
    expect(proxy.message).toBe('ollama: ollama upstream returned HTTP 401: 401 Authorization Required nginx');
    expect(classifyOllamaError(500, '', {}).message).toBe('ollama: ollama upstream returned HTTP 500');
    expect(classifyOllamaError(500, 'x'.repeat(5000), {}).message.length).toBeLessThan(260);
  });

  it('tolerates an error that is not a string and bodies without one', () => {
    expect(classifyOllamaError(400, '{"error":{"message":"bad"}}', {}).message).toBe('ollama: {"message":"bad"}');
    expect(classifyOllamaError(400, '{"detail":"nope"}', {}).message).toBe('ollama: ollama upstream returned HTTP 400: {"detail":"nope"}');
    expect(classifyOllamaError(400, '{"error":""}', {}).message).toBe('ollama: ollama upstream returned HTTP 400: {"error":""}');
  });
});
