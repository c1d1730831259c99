import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '@llm-router/config';
import type { UpstreamTransport } from '@llm-router/core';
import { openAIChatOnlyProvider, openAIProvider, openAIResponsesProvider, openAIResponsesUpstreamCodec } from '@llm-router/openai';
import { buildRoutes } from './build-routes.js';
import { createProviderRegistry } from './provider-registry.js';

const providers = createProviderRegistry((headers) => headers);
const http: UpstreamTransport = { send: () => Promise.reject(new Error('not used')) };

describe('buildRoutes: models.<name>.api', () => {
  it('gives each api its adapter: responses (Responses native, the rest translated to /responses), chat (chat-only), auto (both, as OpenAI)', () => {
    const config = parseConfig('models:\n  codex: {provider: openai, api: responses, endpoint: "http://127.0.0.1:9/v1/"}\n  plain: {provider: openai}\n  vllm: {provider: openai, api: chat, endpoint: "http://127.0.0.1:9/v1"}\n', 'test.yaml', { env: {} });
    const routes = buildRoutes(config, providers, http);
    const codex = routes.get('codex');
    expect(codex?.adapter).toBe(openAIResponsesProvider);
    expect(codex?.adapter.provider).toBe('openai');
    expect(codex?.adapter.translation).toBe(openAIResponsesUpstreamCodec);
    expect(codex?.urls).toEqual({ 'openai-responses': 'http://127.0.0.1:9/v1/responses' });
    expect(codex?.endpoint).toBe('http://127.0.0.1:9/v1');
    expect(routes.get('plain')?.adapter).toBe(openAIProvider);
    expect(Object.keys(routes.get('plain')?.urls ?? {})).toEqual(['openai-chat', 'openai-completions', 'openai-responses']);
    expect(routes.get('vllm')?.adapter).toBe(openAIChatOnlyProvider);
    expect(Object.keys(routes.get('vllm')?.urls ?? {})).toEqual(['openai-chat', 'openai-completions']);
  });

  it('lists only provider names (not dialect keys) when a provider is unknown', () => {
    expect(() => buildRoutes(parseConfig('models:\n  m: {provider: nope}\n', 'test.yaml', { env: {} }), providers, http)).toThrow(
      "models.m.provider: unknown provider 'nope' (known: openai, anthropic, ollama, echo)",
    );
  });
});
