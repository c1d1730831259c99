import { describe, expect, it } from '@jest/globals';
import { canMatchOver } from './can-match-over.js';
import { compilePythonRegex } from './python-regex.js';
import { parseRegexFlags } from './regex-flags.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz-';
const compile = (pattern: string, ...flags: string[]) => compilePythonRegex(pattern, parseRegexFlags(flags).flags);

describe('canMatchOver', () => {
  it.each(['^x-.*', '.*-token$', 'x-a|y z', '(?:a b)?c', 'a{0}', '', '^$', '\\bx'])('%j can match some string over a-z and -', (pattern) => {
    expect(canMatchOver(compile(pattern), LOWER)).toBe(true);
  });

  it.each(['x y', 'x:y', '[ :]', 'a+ ', '^x-(?: |/)'])('%j cannot', (pattern) => {
    expect(canMatchOver(compile(pattern), LOWER)).toBe(false);
  });

  it('sees case folding: X under IGNORECASE matches x', () => {
    expect(canMatchOver(compile('X'), LOWER)).toBe(false);
    expect(canMatchOver(compile('X', 'IGNORECASE'), LOWER)).toBe(true);
  });
});
