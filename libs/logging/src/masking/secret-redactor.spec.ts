import { describe, expect, it } from '@jest/globals';
import { REDACTED, SecretRedactor } from './secret-redactor.js';

const KEY = 'sk-router-key-0123456789';
const ODD = 'p@ss:w"rd/with\\specials+&=';

describe('SecretRedactor', () => {
  const redactor = new SecretRedactor([KEY, ODD, 'ollama', '', '   short ']);

  it('replaces a known secret as written, JSON-escaped and URL-encoded', () => {
    expect(redactor.redact(`Incorrect API key provided: ${KEY}.`)).toBe(`Incorrect API key provided: ${REDACTED}.`);
    expect(redactor.redact(`{"message":"bad ${JSON.stringify(ODD).slice(1, -1)}"}`)).toBe(`{"message":"bad ${REDACTED}"}`);
    expect(redactor.redact(`https://u:${encodeURIComponent(ODD)}@host/v1`)).toBe(`https://u:${REDACTED}@host/v1`);
    expect(redactor.redact(`raw ${ODD} end`)).toBe(`raw ${REDACTED} end`);
  });

  it('replaces every occurrence', () => {
    expect(redactor.redact(`${KEY}${KEY} and ${KEY}`)).toBe(`${REDACTED}${REDACTED} and ${REDACTED}`);
  });

  it('redacts overlapping secrets as one span, leaking no part of either', () => {
    const a = 'abcdefgh12345';
    const b = '12345zyxwvuts';
    const overlapping = new SecretRedactor([a, b]);
    expect(overlapping.redact('>abcdefgh12345zyxwvuts<')).toBe(`>${REDACTED}<`);
    // One secret inside another: the longer one wins, whole.
    const nested = new SecretRedactor(['inner-secret', 'outer-inner-secret-x']);
    expect(nested.redact('a outer-inner-secret-x b inner-secret c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('does not match secrets shorter than 8 characters, nor touch ordinary text', () => {
    const text = 'provider ollama says: short answers are fine; sk-looks-like-a-key-but-unknown';
    expect(redactor.redact(text)).toBe(text);
  });

  it('returns the very same string when nothing matches, and is the identity with no secrets', () => {
    const text = `data: {"choices":[{"delta":{"content":"hello"}}]}\n\n`;
    expect(redactor.redact(text)).toBe(text);
    expect(SecretRedactor.NONE.active).toBe(false);
    expect(new SecretRedactor(['ollama']).active).toBe(false);
    expect(SecretRedactor.NONE.redact(KEY)).toBe(KEY);
    const headers = { 'x-debug': KEY };
    expect(SecretRedactor.NONE.redactHeaders(headers)).toBe(headers);
  });

  it('redacts header values', () => {
    expect(redactor.redactHeaders({ 'x-upstream-said': `bad key ${KEY}`, 'x-ok': 'fine' })).toEqual({ 'x-upstream-said': `bad key ${REDACTED}`, 'x-ok': 'fine' });
  });

  it('treats regex characters in secrets literally', () => {
    const dotted = new SecretRedactor(['a.b.c.d.e.f.g.h']);
    expect(dotted.redact('aXbXcXdXeXfXgXh a.b.c.d.e.f.g.h')).toBe(`aXbXcXdXeXfXgXh ${REDACTED}`);
  });
});
