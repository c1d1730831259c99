import type { AccessClock } from './access-clock.js';
import type { AccessDenied } from './access-decision.js';
import type { AccessPolicy } from './access-policy.js';
import type { Caller } from './caller.js';
import type { MaybePromise } from './state-store.js';
import { extractCredential, type RequestHeaders } from './extract-credential.js';
import { JwtVerifier, looksLikeJwt, type JwtVerifierOptions } from './jwt-verifier.js';

export interface AuthenticatorOptions {
  clock: AccessClock;
  /** Replaces the remote JWKS (tests); see `JwtVerifierOptions.keys`. */
  jwtKeys?: JwtVerifierOptions['keys'];
}

/**
 * Who is calling. With no `auth` config every request is the anonymous caller (all models, no per-caller
 * limits). Otherwise the credential must be a configured key or, when `auth.jwt` is set, a valid JWT.
 * Synchronous unless a JWT must be verified (the JWKS may need fetching): then a promise.
 */
export class Authenticator {
  private readonly jwt: JwtVerifier | undefined;

  constructor(
    private readonly policy: AccessPolicy,
    options: AuthenticatorOptions,
  ) {
    this.jwt = policy.jwt === undefined ? undefined : new JwtVerifier(policy.jwt, { clock: options.clock, ...(options.jwtKeys !== undefined && { keys: options.jwtKeys }) });
  }

  authenticate(headers: RequestHeaders): MaybePromise<Caller | AccessDenied> {
    if (!this.policy.authRequired) return { name: this.policy.anonymous.name, via: 'none', policy: this.policy.anonymous };
    const credential = extractCredential(headers);
    if (credential === undefined) return deny('missing_key', 'Missing API key: send it as "Authorization: Bearer <key>" or "x-api-key: <key>".');
    if (this.jwt !== undefined && looksLikeJwt(credential)) {
      return this.jwt.verify(credential).then((verified): Caller | AccessDenied => {
        if (!verified.ok) return deny('invalid_key', 'Invalid API key or token.', verified.logDetail);
        return { name: verified.caller, via: 'jwt', policy: this.policy.jwtCaller(verified.caller) };
      });
    }
    const policy = this.policy.keys.lookup(credential);
    if (policy === undefined) return deny('invalid_key', 'Invalid API key or token.', 'key: no configured key has this digest');
    return { name: policy.name, via: 'key', policy };
  }
}

function deny(reason: 'missing_key' | 'invalid_key', message: string, logDetail?: string): AccessDenied {
  return { allowed: false, reason, status: 401, message, ...(logDetail !== undefined && { logDetail }) };
}
