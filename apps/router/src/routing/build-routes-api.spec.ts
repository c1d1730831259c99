import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '@llm-router/config';
import type { UpstreamTransport } from '@llm-router/core';
import { openAIProvider, openAIResponsesProvider, openAIResponsesUpstreamCodec } from '@llm-router/openai';
import { buildRoutes } from './build-routes.js';
import { createProviderRegistry } from './provider-registry.js';

const providers = createProviderRegistry((headers) => headers);
const http: UpstreamTransport = { send: () => Promise.reject(new Error('not used')) };

describe('buildRoutes: models.<name>.api', () => {
  it('gives an api: responses openai model the Responses adapter (no native formats: every format is translated to /responses)', () => {
    const config = parseConfig('models:\n  codex: {provider: openai, api: responses, endpoint: "http://127.0.0.1:9/v1/"}\n  plain: {provider: openai}\n', 'test.yaml', { env: {} });
    const routes = buildRoutes(config, providers, http);
    const codex = routes.get('codex');
    expect(codex?.adapter).toBe(openAIResponsesProvider);
    expect(codex?.adapter.provider).toBe('openai');
    expect(codex?.adapter.translation).toBe(openAIResponsesUpstreamCodec);
    expect(codex?.urls).toEqual({});
    expect(codex?.endpoint).toBe('http://127.0.0.1:9/v1');
    expect(routes.get('plain')?.adapter).toBe(openAIProvider);
  });

  it('lists only provider names (not dialect keys) when a provider is unknown', () => {
    expect(() => buildRoutes(parseConfig('models:\n  m: {provider: nope}\n', 'test.yaml', { env: {} }), providers, http)).toThrow(
      "models.m.provider: unknown provider 'nope' (known: openai, anthropic, ollama, echo)",
    );
  });
});
