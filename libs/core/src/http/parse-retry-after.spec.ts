import { describe, expect, it } from '@jest/globals';
import { parseRetryAfterMs } from './parse-retry-after.js';

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms, then delta-seconds, then an HTTP date', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(parseRetryAfterMs({ 'retry-after': '2' })).toBe(2000);
    const now = Date.parse('Tue, 24 Nov 2026 00:00:00 GMT');
    expect(parseRetryAfterMs({ 'retry-after': 'Tue, 24 Nov 2026 00:00:03 GMT' }, now)).toBe(3000);
    expect(parseRetryAfterMs({ 'retry-after': 'Tue, 23 Nov 2026 00:00:03 GMT' }, now)).toBe(0);
  });

  it('ignores absent, negative and garbage values', () => {
    expect(parseRetryAfterMs({})).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': '-1' })).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});
