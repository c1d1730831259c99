import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@llm-router/core';
import { AccessLimiter } from './access-limiter.js';
import { AccessPolicy } from './access-policy.js';
import { MemoryStateStore } from './memory-state-store.js';
import { sha256Hex } from './sha256-hex.js';

// What the app's wiring asks of the policy: whether to run at all, bounded metric labels, boot refusals.

const key = (name: string, models: string[] = ['*']) => ({ name, keySha256: sha256Hex(`sk-${name}-0123456789`), models, limits: {} });

describe('AccessPolicy.enforces', () => {
  it('is false without auth and without model limits, true with either', () => {
    expect(new AccessPolicy({ models: { a: {} } }).enforces).toBe(false);
    expect(new AccessPolicy({ models: { a: { limits: {} } } }).enforces).toBe(false);
    expect(new AccessPolicy({ models: { a: { limits: { rpm: 1 } } } }).enforces).toBe(true);
    expect(new AccessPolicy({ auth: { keys: [key('k')] }, models: { a: {} } }).enforces).toBe(true);
  });
});

describe('AccessPolicy.callerLabel', () => {
  it('keeps configured names and anonymous, folds other JWT callers into one label', () => {
    const policy = new AccessPolicy({ auth: { keys: [key('team-a')] }, models: {} });
    expect(policy.callerLabel('team-a')).toBe('team-a');
    expect(policy.callerLabel('anonymous')).toBe('anonymous');
    expect(policy.callerLabel('user-4711')).toBe('jwt');
    expect(policy.callerLabel(undefined)).toBe('');
  });
});

describe('AccessPolicy with forward_client_credentials', () => {
  it('refuses it at boot together with auth, and allows it without auth', () => {
    const models = { passthrough: { forwardClientCredentials: true }, other: {} };
    const build = () => new AccessPolicy({ auth: { keys: [key('k')] }, models });
    expect(build).toThrow(ConfigValidationError);
    expect(build).toThrow('models.passthrough.forward_client_credentials: cannot be true together with auth');
    expect(() => new AccessPolicy({ models })).not.toThrow();
  });
});

describe('AccessLimiter.authorize', () => {
  it('refuses a model outside the key list with 403 and counts nothing', async () => {
    const policy = new AccessPolicy({ auth: { keys: [{ ...key('k', ['gpt-*']), limits: { rpm: 1 } }] }, models: { 'gpt-4o': {}, llama: {} } });
    const limiter = new AccessLimiter(policy, new MemoryStateStore({ maxKeys: 100 }), { clock: { now: () => 0 }, onError: 'fail_closed', reservationTtlMs: 1000 });
    const found = policy.keys.lookup('sk-k-0123456789');
    if (found === undefined) throw new Error('key not found');
    const caller = { name: 'k', via: 'key' as const, policy: found };
    expect(limiter.authorize(caller, 'llama')).toMatchObject({ allowed: false, reason: 'model_not_allowed', status: 403 });
    expect(limiter.authorize(caller, 'gpt-4o')).toBeUndefined();
    expect(limiter.authorize(caller, 'gpt-4o')).toBeUndefined();
    // Over the memory store the decision is synchronous: no promise on the request path.
    const admitted = limiter.admit({ caller, model: 'gpt-4o', estimate: { inputTokens: 1, maxOutputTokens: 1 } });
    expect(admitted).not.toBeInstanceOf(Promise);
    expect(admitted).toMatchObject({ allowed: true });
    if (admitted instanceof Promise || !admitted.allowed) throw new Error('refused');
    await limiter.release(admitted.ticket);
  });
});
