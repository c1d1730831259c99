import { describe, expect, it } from '@jest/globals';
import { parseRegexFlags } from './regex-flags.js';

describe('parseRegexFlags', () => {
  it('always includes g, even with no tokens', () => {
    expect(parseRegexFlags([])).toEqual({ flags: 'g', problems: [] });
  });

  it('maps Python names and their one-letter aliases, names case-insensitively', () => {
    expect(parseRegexFlags(['IGNORECASE', 'MULTILINE', 'DOTALL', 'UNICODE']).flags).toBe('gimsu');
    expect(parseRegexFlags(['I', 'M', 'S', 'U']).flags).toBe('gimsu');
    expect(parseRegexFlags(['ignorecase', 'DotAll']).flags).toBe('gis');
  });

  it('reads a run of JS letters as several flags and ignores duplicates and an explicit g', () => {
    expect(parseRegexFlags(['im', 's', 'i', 'g']).flags).toBe('gims');
  });

  it('reports VERBOSE and X as unsupported, anything else as unknown, with its index', () => {
    expect(parseRegexFlags(['i', 'VERBOSE', 'x', 'y', 'iq', 'IM', 'ASCII']).problems).toEqual([
      { index: 1, token: 'VERBOSE', kind: 'unsupported' },
      { index: 2, token: 'x', kind: 'unknown' },
      { index: 3, token: 'y', kind: 'unknown' },
      { index: 4, token: 'iq', kind: 'unknown' },
      { index: 5, token: 'IM', kind: 'unknown' },
      { index: 6, token: 'ASCII', kind: 'unknown' },
    ]);
    expect(parseRegexFlags(['X']).problems).toEqual([{ index: 0, token: 'X', kind: 'unsupported' }]);
  });
});
