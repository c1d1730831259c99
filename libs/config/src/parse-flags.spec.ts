import { describe, expect, it } from '@jest/globals';
import { parseFlags } from './parse-flags.js';

describe('parseFlags', () => {
  it.each<[string | string[], string[]]>([
    ['IGNORECASE|MULTILINE', ['IGNORECASE', 'MULTILINE']],
    ['IGNORECASE | MULTILINE', ['IGNORECASE', 'MULTILINE']],
    ['i', ['i']],
    ['im', ['i', 'm']],
    ['IGNORECASE', ['IGNORECASE']],
    ['ignorecase', ['ignorecase']],
    ['I', ['I']],
    ['', []],
    [['IGNORECASE', 'MULTILINE'], ['IGNORECASE', 'MULTILINE']],
    [['im', 'DOTALL'], ['i', 'm', 'DOTALL']],
  ])('%j -> %j', (flags, expected) => {
    expect(parseFlags(flags)).toEqual(expected);
  });
});
