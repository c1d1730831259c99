import { describe, expect, it } from '@jest/globals';
import { compilePythonRegex, RegexWorkLimitError } from './python-regex.js';
import { pythonSearch, pythonTest } from './python-search.js';
import { parseRegexFlags } from './regex-flags.js';

const compile = (pattern: string, ...flags: string[]) => compilePythonRegex(pattern, parseRegexFlags(flags).flags);

describe('pythonSearch / pythonTest (re.search)', () => {
  // Results as CPython 3 gives them: re.search(p, s).span() or None.
  it.each([
    ['^x-.*', 'x-custom', [0, 8]],
    ['^x-.*', 'a-x-b', null],
    ['.*-token$', 'x-api-token', [0, 11]],
    ['.*-token$', 'x-token-id', null],
    ['-token$', 'session-token\n', [7, 13]],
    ['b+', 'abbbc', [1, 4]],
    ['x*', 'abc', [0, 0]],
    ['\\bid\\b', 'x-request-id', [10, 12]],
    ['\\Ax\\Z', 'x\n', null],
  ])('re.search(%j, %j) spans %j', (pattern, text, span) => {
    const match = pythonSearch(compile(pattern), text);
    expect(match === null ? null : [match.start, match.end]).toEqual(span);
  });

  it('honours flags: IGNORECASE folds both sides', () => {
    expect(pythonTest(compile('^X-CUSTOM$', 'IGNORECASE'), 'x-custom')).toBe(true);
    expect(pythonTest(compile('^X-CUSTOM$'), 'x-custom')).toBe(false);
    expect(pythonTest(compile('(?i)^x-Custom$'), 'X-CUSTOM')).toBe(true);
  });

  it('compiles without a replacement and finds the leftmost-first match, not the longest', () => {
    const match = pythonSearch(compile('a|ab'), 'xab');
    expect(match).toEqual({ start: 1, end: 2 });
  });

  it('is linear: (a+)+$ over 50 000 a then ! answers null within its step bound', () => {
    const stats = { steps: 0 };
    expect(pythonSearch(compile('(a+)+$'), `${'a'.repeat(50_000)}!`, stats)).toBeNull();
    const small = { steps: 0 };
    pythonSearch(compile('(a+)+$'), `${'a'.repeat(5_000)}!`, small);
    expect(stats.steps / small.steps).toBeLessThan(11);
  });

  it('draws from a shared budget and throws RegexWorkLimitError when it runs out', () => {
    const stats = { steps: 0, limit: 100 };
    expect(() => pythonSearch(compile('(a+)+$'), `${'a'.repeat(1000)}!`, stats)).toThrow(RegexWorkLimitError);
  });

  it('skips a string without the required character at no cost', () => {
    const stats = { steps: 0 };
    expect(pythonTest(compile('[a-z]+@[a-z]+'), 'no at sign here', stats)).toBe(false);
    expect(stats.steps).toBe(0);
  });
});
