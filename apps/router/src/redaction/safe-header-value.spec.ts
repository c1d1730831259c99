import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { validateHeaderValue } from 'node:http';
import { MAX_HEADER_VALUE_LENGTH, safeHeaders, safeHeaderValue } from './safe-header-value.js';

describe('safeHeaderValue', () => {
  it('returns plain ASCII values as they are', () => {
    const value = 'thinking: dropped; temperature\tclamped (1.0)';
    expect(safeHeaderValue(value)).toBe(value);
  });

  it('percent-encodes line breaks, control characters, non-ASCII text and lone surrogates', () => {
    expect(safeHeaderValue('a\r\nSet-Cookie: x')).toBe('a%0D%0ASet-Cookie: x');
    expect(safeHeaderValue('nul\u0000del\u007f')).toBe('nul%00del%7F');
    expect(safeHeaderValue('名前 é 😀')).toBe('%E5%90%8D%E5%89%8D %C3%A9 %F0%9F%98%80');
    expect(safeHeaderValue('half \ud800 pair')).toBe('half %EF%BF%BD pair');
  });

  it('cuts values longer than the maximum', () => {
    const out = safeHeaderValue('x'.repeat(MAX_HEADER_VALUE_LENGTH * 2));
    expect(out).toHaveLength(MAX_HEADER_VALUE_LENGTH);
    expect(out.endsWith('...')).toBe(true);
  });

  it('always yields a value Node accepts as a header value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (value) => {
        expect(() => validateHeaderValue('x-test', safeHeaderValue(value))).not.toThrow();
      }),
    );
  });

  it('maps a whole header map', () => {
    expect(safeHeaders({ a: 'ok', b: 'x\ny' })).toEqual({ a: 'ok', b: 'x%0Ay' });
  });
});
