import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { JwtSettings } from './access-settings.js';
import { JwtVerifier, looksLikeJwt } from './jwt-verifier.js';

// A real JWKS over HTTP on 127.0.0.1, served from a list the tests rotate.

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

let server: Server;
let published: SigningKey[] = [];
let fetches = 0;
let jwksUrl = '';
const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const clock = { now: () => NOW };

async function newKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

beforeAll(async () => {
  server = createServer((_request, response) => {
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  jest.useRealTimers();
});

function settings(overrides: Partial<JwtSettings> = {}): JwtSettings {
  return {
    issuer: 'https://idp.example.test',
    audience: ['llm-router'],
    jwksUrl,
    keyFromClaim: 'sub',
    clockToleranceMs: 30_000,
    jwksCacheMaxAgeMs: 600_000,
    jwksCooldownMs: 0,
    jwksTimeoutMs: 2_000,
    models: ['*'],
    limits: {},
    ...overrides,
  };
}

interface TokenOptions {
  issuer?: string;
  audience?: string;
  expiresAt?: number;
  notBefore?: number;
  subject?: string | undefined;
}

function token(key: SigningKey, options: TokenOptions = {}): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(options.issuer ?? 'https://idp.example.test')
    .setAudience(options.audience ?? 'llm-router')
    .setIssuedAt(Math.floor(NOW / 1000))
    .setExpirationTime(Math.floor((options.expiresAt ?? NOW + 3_600_000) / 1000));
  if (options.notBefore !== undefined) jwt.setNotBefore(Math.floor(options.notBefore / 1000));
  if (!('subject' in options) || options.subject !== undefined) jwt.setSubject(options.subject ?? 'team-a');
  return jwt.sign(key.privateKey);
}

describe('JwtVerifier against a local JWKS', () => {
  it('accepts a valid token and names the caller from key_from_claim', async () => {
    const key = await newKey('k1');
    published = [key];
    const verifier = new JwtVerifier(settings(), { clock });
    await expect(verifier.verify(await token(key))).resolves.toEqual({ ok: true, caller: 'team-a' });
  });

  it('accepts a token signed by a new key once the JWKS publishes it, and refuses a removed key after the cache expires', async () => {
    const old = await newKey('old');
    published = [old];
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
    const verifier = new JwtVerifier(settings({ jwksCacheMaxAgeMs: 60_000 }), { clock });
    const oldToken = await token(old);
    expect(await verifier.verify(oldToken)).toEqual({ ok: true, caller: 'team-a' });

    const rotated = await newKey('new');
    published = [rotated];
    // An unknown kid makes jose refetch (cooldown 0 here): the new key is accepted at once.
    expect(await verifier.verify(await token(rotated))).toEqual({ ok: true, caller: 'team-a' });
    // That refetch already dropped the old key; a fresh verifier shows the cache path: still cached until max age.
    const cached = new JwtVerifier(settings({ jwksCacheMaxAgeMs: 60_000 }), { clock });
    published = [old, rotated];
    expect(await cached.verify(oldToken)).toEqual({ ok: true, caller: 'team-a' });
    published = [rotated];
    const fetchesBefore = fetches;
    expect(await cached.verify(oldToken)).toEqual({ ok: true, caller: 'team-a' });
    expect(fetches).toBe(fetchesBefore);
    jest.setSystemTime(NOW + 61_000);
    const refused = await cached.verify(oldToken);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.logDetail).toContain('ERR_JWKS_NO_MATCHING_KEY');
  });

  it.each([
    ['expired beyond the clock tolerance', { expiresAt: NOW - 31_000 }, 'ERR_JWT_EXPIRED'],
    ['not yet valid (nbf) beyond the tolerance', { notBefore: NOW + 31_000 }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['from another issuer', { issuer: 'https://evil.example.test' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['for another audience', { audience: 'someone-else' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['without the caller claim', { subject: undefined }, 'claim "sub"'],
  ])('refuses a token %s, with the reason for the log only', async (_case, options: TokenOptions, detail) => {
    const key = await newKey('k1');
    published = [key];
    const verified = await new JwtVerifier(settings(), { clock }).verify(await token(key, options));
    expect(verified.ok).toBe(false);
    expect(!verified.ok && verified.logDetail).toContain(detail);
  });

  it('accepts a token expired within the clock tolerance', async () => {
    const key = await newKey('k1');
    published = [key];
    const verified = await new JwtVerifier(settings(), { clock }).verify(await token(key, { expiresAt: NOW - 10_000 }));
    expect(verified).toEqual({ ok: true, caller: 'team-a' });
  });

  it('refuses an HS256 token even when its secret is the published key material', async () => {
    const key = await newKey('k1');
    published = [key];
    const hs = await new SignJWT({ sub: 'team-a' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer('https://idp.example.test')
      .setAudience('llm-router')
      .setExpirationTime(Math.floor(NOW / 1000) + 60)
      .sign(new TextEncoder().encode(JSON.stringify(key.jwk)));
    const verified = await new JwtVerifier(settings(), { clock }).verify(hs);
    expect(verified.ok).toBe(false);
  });

  it('tells JWT-shaped credentials from keys', () => {
    expect(looksLikeJwt('aaa.bbb.ccc')).toBe(true);
    expect(looksLikeJwt('sk-proj-abc')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c.d')).toBe(false);
  });
});
