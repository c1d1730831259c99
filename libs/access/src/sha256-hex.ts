import { hash } from 'node:crypto';

/** Lowercase hex SHA-256 of a UTF-8 string (one-shot `crypto.hash`: no Hash object per call). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
