import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { parseConfig } from './parse-config.js';

function problemsOf(yaml: string): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', { env: {} });
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const ISSUE_EXAMPLE = `
routing:
  cooldown: {allowed_fails: 2, cooldown_time: 10}
  fallback_on: [429, 503, timeout]
models:
  gpt-4o:
    provider: openai
    endpoint: https://api.openai.com/v1
    api_key: sk-a
    fallbacks: [claude-sonnet]
    context_window_fallbacks: [gpt-4o-long]
  gpt-4o-long: {provider: openai, endpoint: https://api.openai.com/v1}
  claude-sonnet:
    timeout: 20
    load_balancing: least_busy
    routing: {cooldown: {cooldown_time: 5}}
    deployments:
      - {provider: anthropic, endpoint: "https://u:p@api.anthropic.com/?k=secret", api_key: key-a, weight: 2, name: east}
      - {provider: anthropic, endpoint: https://api.anthropic.com, api_key: key-b, timeout: 7}
      - {provider: openai, endpoint: https://proxy.internal/v1, actual_model_name: claude-sonnet-4-5, priority: 1}
    first_token_timeout: 15
`;

describe('routing config', () => {
  it('resolves the seed form to one deployment and the global routing defaults', () => {
    const model = parseConfig(ISSUE_EXAMPLE, 'test.yaml', { env: {} }).models['gpt-4o'];
    expect(model?.deployments).toHaveLength(1);
    expect(model?.deployments[0]).toMatchObject({ provider: 'openai', apiKey: 'sk-a', label: '0', weight: 1, priority: 0, path: 'models.gpt-4o' });
    expect(model).toMatchObject({
      fallbacks: ['claude-sonnet'],
      contextWindowFallbacks: ['gpt-4o-long'],
      loadBalancing: 'weighted',
      routing: { cooldown: { allowedFails: 2, cooldownMs: 10_000 }, fallbackOn: [429, 503, 'timeout'] },
    });
    expect(model).not.toHaveProperty('firstTokenTimeoutMs');
  });

  it('resolves deployments with model-level fields as shallow defaults, keys without secrets, and model overrides of routing', () => {
    const model = parseConfig(ISSUE_EXAMPLE, 'test.yaml', { env: {} }).models['claude-sonnet'];
    expect(model?.deployments.map((d) => [d.label, d.provider, d.weight, d.priority, d.timeoutMs, d.actualModelName])).toEqual([
      ['east', 'anthropic', 2, 0, 20_000, 'claude-sonnet'],
      ['1', 'anthropic', 1, 0, 7000, 'claude-sonnet'],
      ['2', 'openai', 1, 1, 20_000, 'claude-sonnet-4-5'],
    ]);
    expect(model?.deployments.map((d) => d.key)).toEqual([
      'claude-sonnet#east|anthropic|https://api.anthropic.com/|claude-sonnet',
      'claude-sonnet#1|anthropic|https://api.anthropic.com/|claude-sonnet',
      'claude-sonnet#2|openai|https://proxy.internal/v1|claude-sonnet-4-5',
    ]);
    expect(model?.deployments[0]?.path).toBe('models.claude-sonnet.deployments[0]');
    // The top level is the first deployment's, for code that knows one upstream per model.
    expect(model).toMatchObject({ provider: 'anthropic', apiKey: 'key-a', timeoutMs: 20_000, loadBalancing: 'least_busy', firstTokenTimeoutMs: 15_000 });
    expect(model?.routing).toEqual({ cooldown: { allowedFails: 2, cooldownMs: 5000 }, fallbackOn: [429, 503, 'timeout'] });
  });

  it('lets a model-level env override reach the deployments that do not set the field', () => {
    const yaml = 'models:\n  m:\n    provider: openai\n    deployments:\n      - {endpoint: "http://127.0.0.1:1"}\n      - {api_key: own}\n';
    const model = parseConfig(yaml, 'test.yaml', { env: { LLM_ROUTER_MODEL_M_API_KEY: 'from-env' } }).models['m'];
    expect(model?.deployments.map((d) => d.apiKey)).toEqual(['from-env', 'own']);
  });

  it('reports unknown fallback names and fallbacks to the model itself at the entry', () => {
    expect(problemsOf('models:\n  a: {provider: echo, fallbacks: [b, a], context_window_fallbacks: [c]}\n  b: {provider: echo}\n')).toEqual([
      { path: 'models.a.fallbacks[1]', message: 'a model cannot fall back to itself' },
      { path: 'models.a.context_window_fallbacks[0]', message: "unknown model 'c'" },
    ]);
  });

  it('reports each fallback cycle once, with the cycle', () => {
    expect(problemsOf('models:\n  a: {provider: echo, fallbacks: [b]}\n  b: {provider: echo, fallbacks: [c]}\n  c: {provider: echo, fallbacks: [a]}\n  d: {provider: echo, fallbacks: [a]}\n')).toEqual([
      { path: 'models.a.fallbacks', message: 'fallback cycle: a -> b -> c -> a' },
    ]);
    expect(problemsOf('models:\n  a: {provider: echo, fallbacks: [b]}\n  b: {provider: echo, fallbacks: [a]}\n')).toEqual([{ path: 'models.a.fallbacks', message: 'fallback cycle: a -> b -> a' }]);
  });

  it('accepts a context-window fallback back to the original model (no cycle of one relation)', () => {
    expect(() => parseConfig('models:\n  a: {provider: echo, context_window_fallbacks: [b]}\n  b: {provider: echo, fallbacks: [a]}\n', 'test.yaml', { env: {} })).not.toThrow();
  });

  it('reports bad deployments, weights, priorities, load balancing and fallback_on entries at their paths', () => {
    const yaml = `
routing: {fallback_on: [503, slow, 99], cooldown: {allowed_fails: 0}}
models:
  empty: {provider: echo, deployments: []}
  weights:
    provider: echo
    load_balancing: random
    deployments: [{weight: -1, priority: 0.5}, {weight: 0, name: x}, {name: x}]
  zero: {provider: echo, deployments: [{weight: 0}, {weight: 0}]}
  noprovider: {deployments: [{endpoint: "http://127.0.0.1:1"}]}
  seed: {endpoint: "http://127.0.0.1:1"}
`;
    expect(problemsOf(yaml)).toEqual(
      expect.arrayContaining([
        { path: 'routing.cooldown.allowed_fails', message: 'must be >= 1' },
        { path: 'routing.fallback_on[1]', message: 'must be an HTTP status (100-599) or one of timeout, network' },
        { path: 'routing.fallback_on[2]', message: 'must be an HTTP status (100-599) or one of timeout, network' },
        { path: 'models.empty.deployments', message: 'must list at least one deployment' },
        { path: 'models.weights.load_balancing', message: 'must be one of weighted, least_busy, latency, ordered' },
        { path: 'models.weights.deployments[2].name', message: 'duplicate deployment name (also deployments[1])' },
        { path: 'models.zero.deployments', message: 'at least one deployment needs a weight > 0' },
        { path: 'models.noprovider.deployments[0].provider', message: 'required (here or at the model level)' },
        { path: 'models.seed.provider', message: 'required' },
      ]),
    );
    const nested = problemsOf('models:\n  m:\n    provider: echo\n    deployments: [{weight: -1, priority: 0.5, colour: red}, 3]\n');
    expect(nested).toEqual(
      expect.arrayContaining([
        { path: 'models.m.deployments[0].weight', message: 'must be a number >= 0' },
        { path: 'models.m.deployments[0].priority', message: 'must be an integer' },
        { path: 'models.m.deployments[0].colour', message: 'unknown key' },
        { path: 'models.m.deployments[1]', message: 'must be a mapping' },
      ]),
    );
  });

  it('keeps model-wide keys off deployments', () => {
    expect(problemsOf('models:\n  m:\n    provider: echo\n    deployments: [{limits: {requests_per_minute: 1}, fallbacks: [m]}]\n')).toEqual(
      expect.arrayContaining([
        { path: 'models.m.deployments[0].limits', message: 'unknown key' },
        { path: 'models.m.deployments[0].fallbacks', message: 'unknown key' },
      ]),
    );
  });
});
