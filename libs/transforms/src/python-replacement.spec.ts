import { describe, expect, it } from '@jest/globals';
import { pythonReplacementToJs } from './python-replacement.js';

describe('pythonReplacementToJs', () => {
  it('leaves JS syntax alone', () => {
    expect(pythonReplacementToJs('$1-$<user>-$&-$$')).toEqual({ replacement: '$1-$<user>-$&-$$', references: [] });
  });

  it('converts \\N and \\g<N> to two-digit $NN, \\g<0> to $&, and \\g<name> to $<name>', () => {
    expect(pythonReplacementToJs('\\1:\\g<2>:\\12:\\g<0>:\\g<user>')).toEqual({
      replacement: '$01:$02:$12:$&:$<user>',
      references: [1, 2, 12, 0, 'user'],
    });
  });

  it('turns \\\\ into a literal backslash, so \\\\1 is a backslash then 1', () => {
    expect(pythonReplacementToJs('a\\\\1b')).toEqual({ replacement: 'a\\1b', references: [] });
  });

  it('keeps a literal digit after a reference out of the group number', () => {
    const { replacement } = pythonReplacementToJs('\\g<1>0');
    expect('ab'.replace(/(a)/g, replacement)).toBe('a0b');
  });
});
