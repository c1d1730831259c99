import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { startJwksServer, type JwksServer, type SigningKey } from './support/access-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// JWTs as client credentials through the built router, against a JWKS served on 127.0.0.1 that rotates its
// key: the caller comes from the claim, a new key is picked up by its `kid`, a removed one is refused once
// the cache expires, and every refused token is a 401 in the client's format whose reason is only logged.

const ISSUER = 'https://idp.example.test';
const AUDIENCE = 'llm-router';
/** jose's own reasons, which must reach the log and never the client. */
const REASONS = /"exp" claim timestamp check failed|unexpected "aud" claim value|unexpected "iss" claim value|no applicable key found/;

describe('JWT credentials with a rotating JWKS (auth.jwt)', () => {
  let jwks: JwksServer;
  let key1: SigningKey;
  let key2: SigningKey;
  let mock: MockUpstream;
  let router: RunningRouter;
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const chat = (token: string) =>
    new OpenAI({ apiKey: token, baseURL: `${router.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
  const message = (token: string) =>
    new Anthropic({ authToken: token, apiKey: null, baseURL: router.url, maxRetries: 0 }).messages.create({ model: 'gpt', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] });
  /** The request log lines (msg `request`) matching `predicate`. */
  const requestLines = (predicate: (line: Record<string, unknown>) => boolean) => router.logs().filter((l) => l['msg'] === 'request' && predicate(l));

  beforeAll(async () => {
    jwks = await startJwksServer();
    key1 = await jwks.newKey('key-1');
    key2 = await jwks.newKey('key-2');
    jwks.publish([key1]);
    mock = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
        // A cooldown of 0 refetches at once for an unknown kid; a 1 s cache lets the test see a removed key expire.
        auth: { jwt: { issuer: ISSUER, audience: AUDIENCE, jwks_url: jwks.url, key_from_claim: 'team', jwks_cooldown: 0, jwks_cache_max_age: 1, clock_tolerance: 5 } },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await mock?.close();
    await jwks?.close();
  });

  const sign = (key: SigningKey, overrides: { issuer?: string; audience?: string; expiresAt?: number; team?: string } = {}) =>
    jwks.sign(key, { team: overrides.team ?? 'team-jwt' }, { issuer: overrides.issuer ?? ISSUER, audience: overrides.audience ?? AUDIENCE, expiresAt: overrides.expiresAt ?? nowSeconds() + 600 });

  it('accepts a token of the published key, the caller named by the claim in the request log', async () => {
    await expect(chat(await sign(key1))).resolves.toMatchObject({ object: 'chat.completion' });
    await expect(message(await sign(key1, { team: 'team-anthropic' }))).resolves.toMatchObject({ type: 'message' });
    const line = await router.waitForLog((l) => l['msg'] === 'request' && l['caller'] === 'team-jwt');
    expect(line).toMatchObject({ status: 200 });
    await router.waitForLog((l) => l['msg'] === 'request' && l['caller'] === 'team-anthropic');
    expect(JSON.stringify(mock.requests.map((r) => r.headers))).not.toContain('eyJ');
  });

  it('picks up a rotated key by its kid, and refuses the removed key once the JWKS cache expires', async () => {
    jwks.publish([key2]);
    const fetchesBefore = jwks.fetches;
    await expect(chat(await sign(key2, { team: 'team-rotated' }))).resolves.toMatchObject({ object: 'chat.completion' });
    expect(jwks.fetches).toBeGreaterThan(fetchesBefore);
    await router.waitForLog((l) => l['msg'] === 'request' && l['caller'] === 'team-rotated');
    // jwks_cache_max_age is 1 s: after it the JWKS is fetched again, and key 1 is gone from it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const removed = await chat(await sign(key1, { team: 'team-removed' })).catch((error: unknown) => error);
    expect(removed).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(removed).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('refuses an expired token, a wrong audience and a wrong issuer with 401 in both formats, the reason only in the log', async () => {
    const before = mock.requests.length;
    const refused = [
      await sign(key2, { expiresAt: nowSeconds() - 3_600 }),
      await sign(key2, { audience: 'someone-else' }),
      await sign(key2, { issuer: 'https://evil.example.test' }),
    ];
    for (const token of refused) {
      const openaiError = await chat(token).catch((error: unknown) => error);
      expect(openaiError).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(openaiError).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
      const anthropicError = await message(token).catch((error: unknown) => error);
      expect(anthropicError).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(anthropicError).toMatchObject({ status: 401, error: { type: 'error', error: { type: 'authentication_error' } } });
      for (const error of [openaiError, anthropicError]) expect(JSON.stringify(error)).not.toMatch(REASONS);
      const raw = await fetch(`${router.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(raw.status).toBe(401);
      expect(await raw.text()).not.toMatch(REASONS);
    }
    expect(mock.requests.length).toBe(before);
    // Each reason is in the request log's `error` (the removed key of the previous test included).
    const logged = requestLines((l) => l['status'] === 401).map((l) => String(l['error']));
    for (const reason of ['"exp" claim timestamp check failed', 'unexpected "aud" claim value', 'unexpected "iss" claim value']) {
      expect(logged.some((error) => error.includes(reason))).toBe(true);
    }
    expect(logged.every((error) => !error.includes('eyJ'))).toBe(true);
  });
});
