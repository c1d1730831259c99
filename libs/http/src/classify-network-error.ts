import { RouterError } from '@llm-router/core';

/** Error codes Node and OpenSSL give when a certificate cannot be verified. */
const TLS_VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  event?: unknown;
}

/**
 * Turns a transport failure (got RequestError / TimeoutError, Node socket and TLS errors) into a
 * RouterError the retry lib and the exception filter can act on. `origin` names the upstream without
 * path or query (which may carry secrets).
 */
export function classifyNetworkError(error: unknown, origin: string, timeouts: { connectMs: number; responseMs: number }): RouterError {
  if (error instanceof RouterError) return error;
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);

  if (e.name === 'TimeoutError' || code === 'ETIMEDOUT') {
    const phase = typeof e.event === 'string' ? e.event : 'request';
    const connectPhase = phase === 'connect' || phase === 'secureConnect' || phase === 'lookup';
    const limit = connectPhase ? timeouts.connectMs : timeouts.responseMs;
    const what = connectPhase ? 'connecting to' : 'waiting for a response from';
    return new RouterError('timeout', `upstream timeout: ${what} ${origin} took longer than ${limit / 1000}s`, {
      retryable: true,
      cause: error,
    });
  }
  if (code !== undefined && TLS_VERIFY_CODES.has(code)) {
    return new RouterError(
      'bad_gateway',
      `upstream TLS verification failed for ${origin} (${code}: ${message}); set ssl_verify: false for this model to accept a self-signed certificate`,
      { retryable: false, cause: error },
    );
  }
  return new RouterError('bad_gateway', `upstream ${origin} unreachable: ${code ?? 'error'}: ${message}`, {
    retryable: true,
    cause: error,
  });
}
