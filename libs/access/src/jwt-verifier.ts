import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AccessClock } from './access-clock.js';
import type { JwtSettings } from './access-settings.js';

/** Only asymmetric algorithms: a JWKS publishes public keys, so `HS*` (and `none`) can never be right. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether a presented credential is shaped like a JWS compact token (three base64url parts). */
export function looksLikeJwt(credential: string): boolean {
  return JWT_SHAPE.test(credential);
}

export type JwtVerification = { ok: true; caller: string } | { ok: false; logDetail: string };

export interface JwtVerifierOptions {
  clock: AccessClock;
  /**
   * Where verification keys come from. Default: jose's `createRemoteJWKSet(jwksUrl)`, which caches the set for
   * `jwksCacheMaxAgeMs`, refetches at most every `jwksCooldownMs` when a token names an unknown `kid` (key
   * rotation), and gives up on a fetch after `jwksTimeoutMs`. Tests may point `jwksUrl` at a local server or
   * pass their own resolver here.
   */
  keys?: JWTVerifyGetKey;
}

/** Verifies bearer JWTs against the configured issuer's JWKS and names the caller from `keyFromClaim`. */
export class JwtVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: JwtSettings,
    private readonly options: JwtVerifierOptions,
  ) {
    this.keys =
      options.keys ??
      createRemoteJWKSet(new URL(settings.jwksUrl), {
        cacheMaxAge: settings.jwksCacheMaxAgeMs,
        cooldownDuration: settings.jwksCooldownMs,
        timeoutDuration: settings.jwksTimeoutMs,
      });
  }

  /** Never throws: a refused token's reason (jose's error code and message, no token content) is for the log. */
  async verify(token: string): Promise<JwtVerification> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: [...this.settings.audience],
        algorithms: ALGORITHMS,
        clockTolerance: this.settings.clockToleranceMs / 1000,
        currentDate: new Date(this.options.clock.now()),
        requiredClaims: ['exp'],
      });
      const claim = payload[this.settings.keyFromClaim];
      if (typeof claim !== 'string' || claim === '') return { ok: false, logDetail: `jwt: claim "${this.settings.keyFromClaim}" is missing or not a non-empty string` };
      return { ok: true, caller: claim };
    } catch (error: unknown) {
      return { ok: false, logDetail: `jwt: ${describe(error)}` };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : 'verification failed';
}
