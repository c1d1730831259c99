import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { anthropicProvider } from './anthropic-provider.js';
import { anthropicUpstreamCodec } from './anthropic-upstream-codec.js';

describe('anthropicProvider', () => {
  it('speaks the Messages format natively', () => {
    expect(anthropicProvider.provider).toBe('anthropic');
    expect(anthropicProvider.nativeFormats).toEqual(['anthropic-messages']);
    expect(anthropicProvider.defaultEndpoint).toBe('https://api.anthropic.com');
  });

  it('appends /v1/messages to the host root, dropping trailing slashes', () => {
    expect(anthropicProvider.url('https://api.anthropic.com', 'anthropic-messages')).toBe('https://api.anthropic.com/v1/messages');
    expect(anthropicProvider.url('https://gw.example.com/anthropic//', 'anthropic-messages')).toBe(
      'https://gw.example.com/anthropic/v1/messages',
    );
  });

  it('refuses other formats with an api_error', () => {
    expect(() => anthropicProvider.url('https://api.anthropic.com', 'openai-chat')).toThrow(RouterError);
    let thrown: unknown;
    try {
      anthropicProvider.url('https://api.anthropic.com', 'openai-completions');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'api_error', status: 500, provider: 'anthropic' });
  });

  it('authenticates with x-api-key and defaults anthropic-version', () => {
    expect(anthropicProvider.authHeaders('sk-ant-1')).toEqual({ 'x-api-key': 'sk-ant-1' });
    expect(anthropicProvider.requiredHeaders).toEqual({ 'anthropic-version': '2023-06-01' });
    expect(anthropicProvider.transport).toBeUndefined();
  });

  it('classifies upstream errors', () => {
    const error = anthropicProvider.classifyError(529, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', {});
    expect(error).toMatchObject({ kind: 'overloaded', status: 529, retryable: true, provider: 'anthropic' });
  });

  it('reaches other formats through the Anthropic upstream codec', () => {
    expect(anthropicProvider.translation).toBe(anthropicUpstreamCodec);
  });

  it('knows the token counting URL under the host root, dropping trailing slashes', () => {
    expect(anthropicProvider.countTokensUrl?.('https://api.anthropic.com')).toBe('https://api.anthropic.com/v1/messages/count_tokens');
    expect(anthropicProvider.countTokensUrl?.('https://gw.example.com/anthropic//')).toBe('https://gw.example.com/anthropic/v1/messages/count_tokens');
  });
});
