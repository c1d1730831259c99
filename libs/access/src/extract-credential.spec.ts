import { describe, expect, it } from '@jest/globals';
import { extractCredential } from './extract-credential.js';

describe('extractCredential', () => {
  it('reads Authorization: Bearer (any case of the scheme) and x-api-key', () => {
    expect(extractCredential({ authorization: 'Bearer sk-1' })).toBe('sk-1');
    expect(extractCredential({ authorization: 'bearer   sk-1 ' })).toBe('sk-1');
    expect(extractCredential({ 'x-api-key': ' sk-2 ' })).toBe('sk-2');
  });

  it('prefers Authorization when both are sent, and falls back to x-api-key when Authorization is no Bearer', () => {
    expect(extractCredential({ authorization: 'Bearer sk-1', 'x-api-key': 'sk-2' })).toBe('sk-1');
    expect(extractCredential({ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'sk-2' })).toBe('sk-2');
  });

  it('presents nothing for missing, empty, malformed or repeated headers', () => {
    expect(extractCredential({})).toBeUndefined();
    expect(extractCredential({ authorization: 'Bearer ' })).toBeUndefined();
    expect(extractCredential({ authorization: 'Bearer a b' })).toBeUndefined();
    expect(extractCredential({ 'x-api-key': '' })).toBeUndefined();
    expect(extractCredential({ 'x-api-key': ['sk-1', 'sk-2'] })).toBeUndefined();
    expect(extractCredential({ 'x-api-key': ['sk-1'] })).toBe('sk-1');
  });
});
