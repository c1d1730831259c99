import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { openAIUpstreamCodec } from '../index.js';
import { openAIChatOnlyProvider, openAIProvider } from './openai-provider.js';

describe('openAIProvider', () => {
  it('speaks the three OpenAI formats natively (the chat-only variant two) and needs no extra headers', () => {
    expect(openAIProvider.provider).toBe('openai');
    expect(openAIProvider.nativeFormats).toEqual(['openai-chat', 'openai-completions', 'openai-responses']);
    expect(openAIChatOnlyProvider.nativeFormats).toEqual(['openai-chat', 'openai-completions']);
    expect(openAIProvider.requiredHeaders).toEqual({});
    expect(openAIProvider.transport).toBeUndefined();
  });

  it('appends the format path to the versioned endpoint, trailing slashes or not', () => {
    expect(openAIProvider.url('https://api.openai.com/v1', 'openai-chat')).toBe('https://api.openai.com/v1/chat/completions');
    expect(openAIProvider.url('https://api.openai.com/v1/', 'openai-completions')).toBe('https://api.openai.com/v1/completions');
    expect(openAIProvider.url('http://vllm:8000/v1//', 'openai-chat')).toBe('http://vllm:8000/v1/chat/completions');
  });

  it('refuses to give an anthropic-messages URL with a 500', () => {
    expect(() => openAIProvider.url('https://api.openai.com/v1', 'anthropic-messages')).toThrow(RouterError);
    try {
      openAIProvider.url('https://api.openai.com/v1', 'anthropic-messages');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'api_error', status: 500, provider: 'openai' });
    }
  });

  it('reaches OpenAI from other formats through the chat upstream codec', () => {
    expect(openAIProvider.translation).toBe(openAIUpstreamCodec);
  });

  it('authenticates with a bearer token', () => {
    expect(openAIProvider.authHeaders('sk-test')).toEqual({ authorization: 'Bearer sk-test' });
  });

  it('classifies errors as openai errors', () => {
    expect(openAIProvider.classifyError(503, '', {})).toMatchObject({ provider: 'openai', kind: 'overloaded', status: 503 });
  });
});
