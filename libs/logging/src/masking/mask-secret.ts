/** Secrets shorter than this are replaced whole by `****`: showing 12 of fewer characters would reveal most of them. */
const MIN_PARTIAL_LENGTH = 12;

/**
 * Masks one secret for display: its first 8 characters, `...`, its last 4
 * (`sk-1234567890abcdef` -> `sk-12345...cdef`); values shorter than 12 characters become `****`.
 * Idempotent: masking a masked value returns it unchanged.
 */
export function maskSecret(value: string): string {
  if (value.length < MIN_PARTIAL_LENGTH) return '****';
  return `${value.slice(0, 8)}...${value.slice(-4)}`;
}
