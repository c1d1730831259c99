import { describe, expect, it } from '@jest/globals';
import { maskSecret } from './mask-secret.js';

describe('maskSecret', () => {
  it('keeps the first 8 and last 4 characters', () => {
    expect(maskSecret('sk-1234567890abcdef')).toBe('sk-12345...cdef');
    expect(maskSecret('sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBe('sk-ant-a...wxyz');
  });

  it('masks values of exactly 12 characters partially', () => {
    expect(maskSecret('abcdefghijkl')).toBe('abcdefgh...ijkl');
  });

  it('replaces values shorter than 12 characters whole', () => {
    expect(maskSecret('abcdefghijk')).toBe('****');
    expect(maskSecret('short')).toBe('****');
    expect(maskSecret('')).toBe('****');
  });

  it('is idempotent', () => {
    const once = maskSecret('sk-1234567890abcdef');
    expect(maskSecret(once)).toBe(once);
    expect(maskSecret(maskSecret('tiny'))).toBe('****');
  });
});
