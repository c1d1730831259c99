import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { parseConfig } from './parse-config.js';

// The access blocks: auth (keys, jwt), state, models.<name>.pricing and models.<name>.limits.

const KEY_A = 'sk-router-team-a-0123456789';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function problemsOf(yaml: string, env: Record<string, string> = {}): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', { env });
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const MODELS = `models:
  gpt-4o:
    provider: openai
    pricing: {input_per_mtok: 2.5, output_per_mtok: 10, cached_input_per_mtok: 1.25}
    limits: {rpm: 500, tpm: 2000000, max_parallel: 64}
`;

describe('parseConfig: access blocks', () => {
  it('resolves auth, state, pricing and model limits, keeping only the SHA-256 of each key', () => {
    const config = parseConfig(
      `${MODELS}auth:
  keys:
    - name: team-a
      key: \${TEAM_A_ROUTER_KEY}
      models: [gpt-4o, "claude-*"]
      limits: {rpm: 60, tpm: 200000, max_parallel: 8}
      budget: {usd: 50, period: 30d}
    - name: team-b
      key_sha256: ${sha('another-key-0123456789').toUpperCase()}
      budget: {tokens: 1000000, period: 7d}
    - name: svc-jwt
      limits: {rpm: 5}
  jwt:
    issuer: https://idp.example.com
    audience: llm-router
    jwks_url: https://idp.example.com/.well-known/jwks.json
    key_from_claim: sub
state:
  store: redis
  url: rediss://:secret@redis:6380/0
  on_error: fail_open
`,
      'test.yaml',
      { env: { TEAM_A_ROUTER_KEY: KEY_A } },
    );
    expect(config.auth).toEqual({
      keys: [
        { name: 'team-a', keySha256: sha(KEY_A), models: ['gpt-4o', 'claude-*'], limits: { rpm: 60, tpm: 200_000, maxParallel: 8 }, budget: { usd: 50, period: '30d', periodMs: 30 * 86_400_000 } },
        { name: 'team-b', keySha256: sha('another-key-0123456789'), models: ['*'], limits: {}, budget: { tokens: 1_000_000, period: '7d', periodMs: 7 * 86_400_000 } },
        { name: 'svc-jwt', models: ['*'], limits: { rpm: 5 } },
      ],
      jwt: {
        issuer: 'https://idp.example.com',
        audience: ['llm-router'],
        jwksUrl: 'https://idp.example.com/.well-known/jwks.json',
        keyFromClaim: 'sub',
        clockToleranceMs: 30_000,
        jwksCacheMaxAgeMs: 600_000,
        jwksCooldownMs: 30_000,
        jwksTimeoutMs: 5_000,
        models: ['*'],
        limits: {},
      },
    });
    expect(JSON.stringify(config)).not.toContain(KEY_A);
    expect(config.state).toEqual({ store: 'redis', url: 'rediss://:secret@redis:6380/0', onError: 'fail_open', timeoutMs: 100, reservationTtlMs: 600_000, memoryMaxKeys: 100_000 });
    expect(config.models['gpt-4o']).toMatchObject({ pricing: { inputPerMtok: 2.5, outputPerMtok: 10, cachedInputPerMtok: 1.25 }, limits: { rpm: 500, tpm: 2_000_000, maxParallel: 64 } });
  });

  it('has no auth and a memory store when the file sets neither', () => {
    const config = parseConfig('models:\n  m:\n    provider: echo\n', 'test.yaml', { env: {} });
    expect(config.auth).toBeUndefined();
    expect(config.state.store).toBe('memory');
    expect(config.models['m']?.pricing).toBeUndefined();
  });

  it('names every bad key entry by its path, never printing a key', () => {
    const problems = problemsOf(`${MODELS}auth:
  keys:
    - name: team-a
      key: ${KEY_A}
    - name: team-a
      key: ${KEY_A}
    - name: short
      key: abc
    - name: both
      key: another-long-key-0123456789
      key_sha256: ${sha('x')}
    - name: badhash
      key_sha256: xyz
    - name: nokey
    - name: globs
      key: globs-long-key-0123456789
      models: ["gpt-[45]", ""]
      limits: {rpm: 0, tpm: 1.5, burst: 3}
      budget: {usd: 5, tokens: 10, period: 30 days}
    - name: nobudget
      key: nobudget-long-key-0123456789
      budget: {period: 1h}
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'auth.keys[1].name', message: 'duplicate name (also auth.keys[0])' },
        { path: 'auth.keys[1].key', message: 'the same key as auth.keys[0]' },
        { path: 'auth.keys[5].key', message: 'required (or key_sha256); an entry with neither is for JWT callers and needs auth.jwt' },
      ]),
    );
    expect(JSON.stringify(problems)).not.toContain(KEY_A);
    expect(JSON.stringify(problems)).not.toContain('abc');
  });

  it('checks each entry once the list as a whole is sound', () => {
    const problems = problemsOf(`${MODELS}auth:
  keys:
    - name: short
      key: abc
    - name: both
      key: another-long-key-0123456789
      key_sha256: ${sha('x')}
    - name: badhash
      key_sha256: xyz
    - name: globs
      key: globs-long-key-0123456789
      models: ["gpt-[45]", ""]
      limits: {rpm: 0, tpm: 1.5, burst: 3}
      budget: {usd: 5, tokens: 10, period: 30 days}
    - name: nobudget
      key: nobudget-long-key-0123456789
      budget: {period: 1h}
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'auth.keys[0].key', message: 'must be a string of at least 16 characters' },
        { path: 'auth.keys[1].key_sha256', message: 'set key or key_sha256, not both' },
        { path: 'auth.keys[2].key_sha256', message: 'must be 64 hex digits (a SHA-256 digest)' },
        { path: 'auth.keys[3].models[0]', message: 'unsupported glob syntax: only * and ? are special' },
        { path: 'auth.keys[3].models[1]', message: 'must be a non-empty string' },
        { path: 'auth.keys[3].limits.rpm', message: 'must be a positive integer' },
        { path: 'auth.keys[3].limits.tpm', message: 'must be a positive integer' },
        { path: 'auth.keys[3].limits.burst', message: 'unknown key' },
        { path: 'auth.keys[3].budget.usd', message: 'set usd or tokens, not both' },
        { path: 'auth.keys[3].budget.period', message: 'must be a period like 1h, 7d or 30d (a whole number of m, h, d or w, at most 366d)' },
        { path: 'auth.keys[4].budget.usd', message: 'set usd or tokens' },
      ]),
    );
    expect(JSON.stringify(problems)).not.toContain('abc');
  });

  it('refuses an auth block that admits nobody, bad jwt settings, and redis without a url', () => {
    expect(problemsOf(`${MODELS}auth: {}\n`)).toEqual([{ path: 'auth', message: 'set auth.keys or auth.jwt (an auth block with neither would refuse every request)' }]);
    expect(problemsOf(`${MODELS}auth:\n  jwt: {issuer: "", audience: [], jwks_url: "ftp://x", clock_tolerance: -1}\n`)).toEqual(
      expect.arrayContaining([
        { path: 'auth.jwt.issuer', message: 'must be a non-empty string' },
        { path: 'auth.jwt.audience', message: 'must be a non-empty list of non-empty strings' },
        { path: 'auth.jwt.jwks_url', message: 'must be an http(s) URL' },
        { path: 'auth.jwt.clock_tolerance', message: 'must be a number >= 0' },
      ]),
    );
    expect(problemsOf(`${MODELS}state: {store: redis}\n`)).toEqual([{ path: 'state.url', message: 'required for store: redis' }]);
    expect(problemsOf(`${MODELS}state: {store: redis, url: "http://redis:6379"}\n`)).toEqual([{ path: 'state.url', message: 'must be a redis:// or rediss:// URL' }]);
    expect(problemsOf(`${MODELS}state: {store: memory, url: "redis://r:6379", on_error: maybe}\n`)).toEqual([
      { path: 'state.url', message: 'only used with store: redis' },
      { path: 'state.on_error', message: 'must be one of fail_closed, fail_open' },
    ]);
  });

  it('validates pricing and model-wide limits', () => {
    expect(problemsOf('models:\n  m:\n    provider: openai\n    pricing: {input_per_mtok: -1}\n    limits: {max_parallel: 0}\n')).toEqual(
      expect.arrayContaining([
        { path: 'models.m.pricing.input_per_mtok', message: 'must be a number >= 0 (USD per million tokens)' },
        { path: 'models.m.pricing.output_per_mtok', message: 'required' },
        { path: 'models.m.limits.max_parallel', message: 'must be a positive integer' },
      ]),
    );
  });

  it('accepts periods in m, h, d and w up to 366 days', () => {
    for (const [period, ms] of [['90m', 5_400_000], ['1h', 3_600_000], ['7d', 604_800_000], ['2w', 1_209_600_000], ['366d', 366 * 86_400_000]] as const) {
      const config = parseConfig(`${MODELS}auth:\n  keys:\n    - {name: a, key: ${KEY_A}, budget: {tokens: 10, period: ${period}}}\n`, 'test.yaml', { env: {} });
      expect(config.auth?.keys[0]?.budget?.periodMs).toBe(ms);
    }
    for (const period of ['0d', '367d', '1y', '1.5d', 'd', '30 d']) {
      expect(problemsOf(`${MODELS}auth:\n  keys:\n    - {name: a, key: ${KEY_A}, budget: {tokens: 10, period: "${period}"}}\n`)).toEqual([
        { path: 'auth.keys[0].budget.period', message: 'must be a period like 1h, 7d or 30d (a whole number of m, h, d or w, at most 366d)' },
      ]);
    }
  });
});
