import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@llm-router/core';
import { AccessPolicy } from './access-policy.js';
import { Authenticator } from './authenticator.js';
import { sha256Hex } from './sha256-hex.js';

const clock = { now: () => 0 };
const models = { 'gpt-4o': {}, 'claude-sonnet': {}, 'llama': {} };

describe('Authenticator with keys', () => {
  const policy = new AccessPolicy({
    auth: {
      keys: [
        { name: 'team-a', keySha256: sha256Hex('sk-a'), models: ['gpt-4o', 'claude-*'], limits: {} },
        { name: 'team-b', keySha256: sha256Hex('sk-b').toUpperCase(), models: ['*'], limits: {} },
      ],
    },
    models,
  });
  const auth = new Authenticator(policy, { clock });

  it('names the caller of a configured key, from either header, synchronously (no JWT involved)', () => {
    const bearer = auth.authenticate({ authorization: 'Bearer sk-a' });
    expect(bearer).not.toBeInstanceOf(Promise);
    expect(bearer).toMatchObject({ name: 'team-a', via: 'key' });
    expect(auth.authenticate({ 'x-api-key': 'sk-b' })).toMatchObject({ name: 'team-b', via: 'key' });
  });

  it('refuses a missing or unknown key with 401, naming no key', async () => {
    expect(auth.authenticate({})).toMatchObject({ allowed: false, reason: 'missing_key', status: 401 });
    const wrong = await auth.authenticate({ authorization: 'Bearer sk-c' });
    expect(wrong).toMatchObject({ allowed: false, reason: 'invalid_key', status: 401 });
    expect(JSON.stringify(wrong)).not.toContain('sk-');
  });

  it('treats a JWT-shaped credential as a key when no jwt is configured', () => {
    expect(auth.authenticate({ authorization: 'Bearer a.b.c' })).toMatchObject({ reason: 'invalid_key' });
  });

  it('lists the models a caller may see', async () => {
    const caller = await auth.authenticate({ authorization: 'Bearer sk-a' });
    if (!('policy' in caller)) throw new Error('refused');
    expect(policy.visibleModels(caller.policy)).toEqual(['gpt-4o', 'claude-sonnet']);
  });
});

describe('Authenticator without auth', () => {
  it('lets every request through as the anonymous caller with all models', async () => {
    const policy = new AccessPolicy({ models });
    const caller = await new Authenticator(policy, { clock }).authenticate({});
    expect(caller).toMatchObject({ name: 'anonymous', via: 'none' });
    if ('policy' in caller) expect(policy.visibleModels(caller.policy)).toEqual(['gpt-4o', 'claude-sonnet', 'llama']);
  });
});

describe('AccessPolicy', () => {
  it('refuses at boot a USD budget over a model without pricing', () => {
    const build = () =>
      new AccessPolicy({
        auth: { keys: [{ name: 'a', keySha256: sha256Hex('k'), models: ['gpt-*'], limits: {}, budget: { usd: 5, period: '30d', periodMs: 30 * 86_400_000 } }] },
        models: { 'gpt-4o': { pricing: { inputPerMtok: 1, outputPerMtok: 2 } }, 'gpt-5': {}, llama: {} },
      });
    expect(build).toThrow(ConfigValidationError);
    expect(build).toThrow('auth.keys[0].budget.usd: needs models.<name>.pricing for every model the caller may use (missing: gpt-5)');
  });

  it('gives a JWT caller without a keys entry the jwt defaults, with counters of its own', () => {
    const policy = new AccessPolicy({
      auth: {
        keys: [{ name: 'known', models: ['llama'], limits: { rpm: 1 } }],
        jwt: { issuer: 'i', audience: ['a'], jwksUrl: 'http://127.0.0.1:1/jwks', keyFromClaim: 'sub', clockToleranceMs: 0, jwksCacheMaxAgeMs: 1, jwksCooldownMs: 1, jwksTimeoutMs: 1, models: ['gpt-4o'], limits: { rpm: 5 } },
      },
      models,
    });
    expect(policy.jwtCaller('known').limits).toEqual({ rpm: 1 });
    const stranger = policy.jwtCaller('stranger');
    expect(stranger).toMatchObject({ name: 'stranger', limits: { rpm: 5 } });
    expect(stranger.allows('gpt-4o')).toBe(true);
    expect(stranger.allows('llama')).toBe(false);
    expect(stranger.nameHash).not.toBe(policy.jwtCaller('other').nameHash);
  });
});
