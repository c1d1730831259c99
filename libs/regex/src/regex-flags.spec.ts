import { describe, expect, it } from '@jest/globals';
import { parseRegexFlags } from './regex-flags.js';

const NONE = { ignoreCase: false, multiline: false, dotAll: false, ascii: false, verbose: false };

describe('parseRegexFlags', () => {
  it('has every flag off with no tokens', () => {
    expect(parseRegexFlags([])).toEqual({ flags: NONE, problems: [] });
  });

  it('maps Python names, their one-letter aliases and an re. prefix, case-insensitively', () => {
    expect(parseRegexFlags(['IGNORECASE', 'MULTILINE', 'DOTALL', 'VERBOSE']).flags).toEqual({ ...NONE, ignoreCase: true, multiline: true, dotAll: true, verbose: true });
    expect(parseRegexFlags(['I', 'M', 'S', 'A', 'X']).flags).toEqual({ ignoreCase: true, multiline: true, dotAll: true, ascii: true, verbose: true });
    expect(parseRegexFlags(['re.IGNORECASE', 'ascii', 'DotAll']).flags).toEqual({ ...NONE, ignoreCase: true, ascii: true, dotAll: true });
  });

  it('accepts UNICODE (the default for str patterns) without effect', () => {
    expect(parseRegexFlags(['UNICODE', 'U', 'u'])).toEqual({ flags: NONE, problems: [] });
  });

  it('reads a run of lower-case letters as several flags and ignores duplicates and an explicit g', () => {
    expect(parseRegexFlags(['im', 's', 'i', 'g', 'ax']).flags).toEqual({ ignoreCase: true, multiline: true, dotAll: true, ascii: true, verbose: true });
  });

  it('reports LOCALE as unsupported, ASCII with UNICODE as incompatible, anything else as unknown, with its index', () => {
    expect(parseRegexFlags(['i', 'LOCALE', 'y', 'iq', 'IM', 'L']).problems).toEqual([
      { index: 1, token: 'LOCALE', kind: 'unsupported' },
      { index: 2, token: 'y', kind: 'unknown' },
      { index: 3, token: 'iq', kind: 'unknown' },
      { index: 4, token: 'IM', kind: 'unknown' },
      { index: 5, token: 'L', kind: 'unsupported' },
    ]);
    expect(parseRegexFlags(['ASCII', 'UNICODE']).problems).toEqual([{ index: 1, token: 'UNICODE', kind: 'incompatible' }]);
  });
});
