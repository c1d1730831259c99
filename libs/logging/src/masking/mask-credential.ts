import { SCHEME_CREDENTIAL_NAMES } from './credential-names.js';
import { maskSecret } from './mask-secret.js';

/** `<scheme> <credentials>` as in Authorization headers (RFC 9110 §11.4). */
const SCHEME_VALUE = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+(\S[\s\S]*)$/;

/**
 * Masks the value of a credential header or field named `name` (see CREDENTIAL_NAMES) whole,
 * keeping the auth scheme of authorization headers: `Bearer sk-1234567890abcdef` -> `Bearer sk-12345...cdef`.
 */
export function maskCredential(name: string, value: string): string {
  if (SCHEME_CREDENTIAL_NAMES.has(name.toLowerCase())) {
    const match = SCHEME_VALUE.exec(value);
    if (match !== null) return `${match[1]} ${maskSecret(match[2])}`;
  }
  return maskSecret(value);
}
