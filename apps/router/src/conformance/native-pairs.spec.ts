import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '@llm-router/config';
import { CLIENT_FORMATS, type UpstreamTransport } from '@llm-router/core';
import { buildRoutes } from '../routing/build-routes.js';
import { createProviderRegistry } from '../routing/provider-registry.js';
import { TRANSLATED_PAIRS, UPSTREAM_FAMILIES } from './families.spec-helper.js';

// Same-format pairs are passed through (the body forwarded with the model swapped, the answer streamed
// back byte for byte) and never reach the codecs' translation: the conformance suite leaves them out.
// This checks that the app's route table agrees with the suite on which pairs those are.

const http: UpstreamTransport = { send: () => Promise.reject(new Error('not used')) };

describe('native pairs', () => {
  it('the route table has a native URL exactly for the same-format pairs; every other pair is translated', () => {
    const config = parseConfig(
      `
models:
  to-openai: { provider: openai, api: chat, endpoint: "http://127.0.0.1:9/v1" }
  to-openai-auto: { provider: openai, endpoint: "http://127.0.0.1:9/v1" }
  to-anthropic: { provider: anthropic, endpoint: "http://127.0.0.1:9" }
  to-ollama: { provider: ollama, endpoint: "http://127.0.0.1:9" }
  to-openai-responses: { provider: openai, api: responses, endpoint: "http://127.0.0.1:9/v1" }
`,
      'conformance.yaml',
      { env: {} },
    );
    const routes = buildRoutes(config, createProviderRegistry((headers) => headers), http);

    const native = UPSTREAM_FAMILIES.flatMap((upstream) => Object.keys(routes.get(`to-${upstream}`)?.urls ?? {}).map((client) => `${client}--${upstream}`));
    expect(native.sort()).toEqual(['anthropic-messages--anthropic', 'openai-chat--openai', 'openai-completions--openai', 'openai-responses--openai-responses']);
    // OpenAI's own API (the default `api: auto`) takes Responses requests natively too.
    expect(Object.keys(routes.get('to-openai-auto')?.urls ?? {}).sort()).toEqual(['openai-chat', 'openai-completions', 'openai-responses']);

    const all = CLIENT_FORMATS.flatMap((client) => UPSTREAM_FAMILIES.map((upstream) => `${client}--${upstream}`));
    expect(TRANSLATED_PAIRS.map((pair) => pair.name).sort()).toEqual(all.filter((name) => !native.includes(name)).sort());
    for (const upstream of UPSTREAM_FAMILIES) expect(routes.get(`to-${upstream}`)?.adapter.translation).toBeDefined();
  });
});
