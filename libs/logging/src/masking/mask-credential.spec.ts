import { describe, expect, it } from '@jest/globals';
import { maskCredential } from './mask-credential.js';

describe('maskCredential', () => {
  it('keeps the auth scheme of authorization values', () => {
    expect(maskCredential('authorization', 'Bearer sk-1234567890abcdef')).toBe('Bearer sk-12345...cdef');
    expect(maskCredential('Proxy-Authorization', 'Basic dXNlcjpwYXNzd29yZA==')).toBe('Basic dXNlcjpw...ZA==');
    expect(maskCredential('authorization', 'Bearer short')).toBe('Bearer ****');
  });

  it('masks an authorization value without a scheme whole', () => {
    expect(maskCredential('authorization', 'sk-1234567890abcdef')).toBe('sk-12345...cdef');
  });

  it('masks other credential values whole, spaces included', () => {
    expect(maskCredential('x-api-key', 'sk-ant-1234567890abcdef')).toBe('sk-ant-1...cdef');
    expect(maskCredential('cookie', 'session=abcdefghijklmnop; theme=dark')).toBe('session=...dark');
  });
});
