import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { classifyOpenAIError } from './classify-openai-error.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../testing/fixtures/${name}`, import.meta.url), 'utf8');

const HTML_502 = `<html>
<head><title>502 Bad Gateway</title><style>body { font-family: sans-serif; }</style></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>`;

describe('classifyOpenAIError', () => {
  it('keeps a 400 with its message, code and param, not retryable', () => {
    const error = classifyOpenAIError(400, fixture('openai-chat/error.400.json'), {});
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'context_length_exceeded',
      param: 'messages',
      retryable: false,
      provider: 'openai',
    });
    expect(error.message).toMatch(/^openai: This model's maximum context length is 128000 tokens\./);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('classifies the 401 as authentication with code invalid_api_key', () => {
    const error = classifyOpenAIError(401, fixture('openai-chat/error.401.json'), {});
    expect(error).toMatchObject({ kind: 'authentication', status: 401, code: 'invalid_api_key', retryable: false });
    expect(error.param).toBeUndefined();
    expect(error.message.startsWith('openai: Incorrect API key provided')).toBe(true);
  });

  it('makes the 429 retryable with the retry-after delay', () => {
    const error = classifyOpenAIError(429, fixture('openai-chat/error.429.json'), { 'retry-after': '2' });
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, code: 'rate_limit_exceeded', retryable: true, retryAfterMs: 2000 });
    expect(classifyOpenAIError(429, fixture('openai-chat/error.429.json'), { 'retry-after-ms': '400' }).retryAfterMs).toBe(400);
  });

  it('keeps the completions 404 as not_found / model_not_found', () => {
    const error = classifyOpenAIError(404, fixture('openai-completions/error.404.json'), {});
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'model_not_found', retryable: false });
  });

  it('describes an HTML 502 page by status and a short snippet', () => {
    const error = classifyOpenAIError(502, HTML_502, { 'content-type': 'text/html' });
    expect(error).toMatchObject({ kind: 'bad_gateway', status: 502, retryable: true, provider: 'openai' });
    expect(error.message).toBe('openai: openai upstream returned HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx');
    expect(error.code).toBeUndefined();
  });

  it('cuts long non-JSON bodies to a 200-character snippet and handles empty bodies', () => {
    const error = classifyOpenAIError(500, 'x'.repeat(5000), {});
    const snippet = error.message.slice('openai: openai upstream returned HTTP 500: '.length);
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(classifyOpenAIError(503, '', {}).message).toBe('openai: openai upstream returned HTTP 503');
  });

  it('tolerates bodies without an error object', () => {
    expect(classifyOpenAIError(500, '{"message":"boom","code":42}', {})).toMatchObject({ message: 'openai: boom', code: '42', kind: 'api_error' });
    expect(classifyOpenAIError(400, '{"error":"model does not support tools"}', {}).message).toBe('openai: model does not support tools');
    expect(classifyOpenAIError(400, '{"detail":"nope"}', {}).message).toBe('openai: openai upstream returned HTTP 400: {"detail":"nope"}');
    expect(classifyOpenAIError(400, '[1,2]', {}).message).toBe('openai: openai upstream returned HTTP 400: [1,2]');
  });

  it('lets x-should-retry override the status decision', () => {
    expect(classifyOpenAIError(500, '{}', { 'x-should-retry': 'false' }).retryable).toBe(false);
    expect(classifyOpenAIError(400, '{}', { 'x-should-retry': 'true' }).retryable).toBe(true);
    expect(classifyOpenAIError(408, '{}', {}).retryable).toBe(true);
    expect(classifyOpenAIError(409, '{}', {}).retryable).toBe(true);
    expect(classifyOpenAIError(422, '{}', {}).retryable).toBe(false);
    expect(classifyOpenAIError(529, '{}', {})).toMatchObject({ kind: 'overloaded', retryable: true });
  });
});
