import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@llm-router/core';
import { compileHeaderRules } from './compile-header-rules.js';

function problemsOf(run: () => unknown): readonly { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('compileHeaderRules', () => {
  it('compiles an empty rule set from no layers', () => {
    const compiled = compileHeaderRules([]);
    expect(compiled.dropAll).toBe(false);
    expect([...compiled.dropNames]).toEqual([]);
    expect(compiled.dropPatterns).toEqual([]);
    expect([...compiled.addHeaders]).toEqual([]);
    expect([...compiled.forceHeaders]).toEqual([]);
  });

  it('lower-cases exact drop names and precompiles /regex/flags entries', () => {
    const compiled = compileHeaderRules([{ path: 'header_rules', rules: { dropHeaders: ['X-Debug', '/^x-stainless-/', '/^X-TRACE/i'] } }]);
    expect([...compiled.dropNames]).toEqual(['x-debug']);
    expect(compiled.dropPatterns.map((pattern) => pattern.source)).toEqual(['/^x-stainless-/', '/^X-TRACE/i']);
  });

  it("reads the seed's entries as written: a plain name is exact, the bare regexes are regexes", () => {
    const compiled = compileHeaderRules([{ path: 'header_rules', rules: { dropHeaders: ['x-forwarded-for', '^x-.*', '.*-token$'] } }]);
    expect([...compiled.dropNames]).toEqual(['x-forwarded-for']);
    expect(compiled.dropPatterns.map((pattern) => pattern.source)).toEqual(['^x-.*', '.*-token$']);
  });

  it('merges layers: dropAll OR-ed, drop lists concatenated, later add/force values win case-insensitively', () => {
    const compiled = compileHeaderRules([
      {
        path: 'header_rules',
        rules: { dropAll: false, dropHeaders: ['x-a', '/^x-g-/'], addHeaders: { 'X-Team': 'core', 'X-Env': 'prod' }, forceHeaders: { 'User-Agent': 'router/1' } },
      },
      {
        path: 'models.gpt-4.header_rules',
        rules: { dropAll: true, dropHeaders: ['x-b', '/^x-m-/'], addHeaders: { 'x-team': 'ml' }, forceHeaders: { 'user-agent': 'router/2', 'X-Model': 'gpt-4' } },
      },
    ]);
    expect(compiled.dropAll).toBe(true);
    expect([...compiled.dropNames]).toEqual(['x-a', 'x-b']);
    expect(compiled.dropPatterns.map((pattern) => pattern.source)).toEqual(['/^x-g-/', '/^x-m-/']);
    expect(Object.fromEntries(compiled.addHeaders)).toEqual({ 'x-team': 'ml', 'x-env': 'prod' });
    expect(Object.fromEntries(compiled.forceHeaders)).toEqual({ 'user-agent': 'router/2', 'x-model': 'gpt-4' });
  });

  it('keeps dropAll false unless some layer sets it, and accepts partial layers', () => {
    const compiled = compileHeaderRules([{ path: 'a', rules: {} }, { path: 'b', rules: { dropAll: false } }]);
    expect(compiled.dropAll).toBe(false);
  });

  it('accepts the full config shape as-is', () => {
    const fromConfig = { dropAll: false, dropHeaders: ['x-a'], addHeaders: {}, forceHeaders: {} };
    expect([...compileHeaderRules([{ path: 'header_rules', rules: fromConfig }]).dropNames]).toEqual(['x-a']);
  });

  it('reports an invalid regex with its path and reason', () => {
    expect(problemsOf(() => compileHeaderRules([{ path: 'header_rules', rules: { dropHeaders: ['x-a', 'x-b', '/x(/'] } }]))).toEqual([
      { path: 'header_rules.drop_headers[2]', message: 'invalid regex /x(/: missing ), unterminated subpattern at position 1' },
    ]);
  });

  it('rejects unknown, sticky and class-set regex flags, and ASCII with UNICODE', () => {
    expect(problemsOf(() => compileHeaderRules([{ path: 'h', rules: { dropHeaders: ['/a/z', '/a/v', '/a/iy', '/a/au'] } }]))).toEqual([
      { path: 'h.drop_headers[0]', message: "invalid regex /a/z: unknown flag 'z' (allowed: i m s a x u, and d g without effect)" },
      { path: 'h.drop_headers[1]', message: "invalid regex /a/v: flag 'v' is not allowed (JS class set syntax: the pattern is Python re syntax)" },
      { path: 'h.drop_headers[2]', message: "invalid regex /a/iy: flag 'y' is not allowed (sticky matching)" },
      { path: 'h.drop_headers[3]', message: "invalid regex /a/au: flags 'a' (ASCII) and 'u' (UNICODE) are incompatible" },
    ]);
  });

  it('accepts the flags /pattern/flags accepted before (i m s u d g) and the Python ones (a x)', () => {
    const compiled = compileHeaderRules([{ path: 'h', rules: { dropHeaders: ['/a/imsudg', '/a/ax'] } }]);
    expect(compiled.dropPatterns).toHaveLength(2);
  });

  it('collects every problem of every layer before throwing', () => {
    const problems = problemsOf(() =>
      compileHeaderRules([
        { path: 'header_rules', rules: { dropHeaders: ['x ok', '/unclosed'], addHeaders: { 'Bad Name': 'v' } } },
        {
          path: 'models.gpt-4.header_rules',
          rules: { dropHeaders: ['/[/'], addHeaders: { 'X-A': '1', 'x-a': '2' }, forceHeaders: { 'x-ok': 'line\r\nbreak', 'x:colon': 'v' } },
        },
      ]),
    );
    expect(problems).toEqual([
      {
        path: 'header_rules.drop_headers[0]',
        message: "'x ok' is neither a header name nor a regex that can match one (header names are letters, digits and !#$%&'*+-.^_`|~)",
      },
      { path: 'header_rules.drop_headers[1]', message: "invalid entry '/unclosed': a regex in slashes is written /pattern/flags" },
      { path: 'header_rules.add_headers["Bad Name"]', message: "invalid header name 'Bad Name'" },
      { path: 'models.gpt-4.header_rules.drop_headers[0]', message: 'invalid regex /[/: unterminated character set at position 0' },
      { path: 'models.gpt-4.header_rules.add_headers.x-a', message: "duplicate header 'x-a' (names are case-insensitive)" },
      { path: 'models.gpt-4.header_rules.force_headers.x-ok', message: 'header value contains control characters' },
      { path: 'models.gpt-4.header_rules.force_headers["x:colon"]', message: "invalid header name 'x:colon'" },
    ]);
  });

  it('rejects non-string header values from untyped callers', () => {
    const rules = JSON.parse('{"addHeaders":{"x-retries":3}}') as { addHeaders: Record<string, string> };
    expect(problemsOf(() => compileHeaderRules([{ path: 'h', rules }]))).toEqual([{ path: 'h.add_headers.x-retries', message: 'header value must be a string' }]);
  });

  it.each([
    ['^x-(', 'invalid regex ^x-(: missing ), unterminated subpattern at position 3'],
    ['x-*+', 'invalid regex x-*+: possessive quantifier *+ is not supported (it needs backtracking)'],
    ['(?=x-)x', 'invalid regex (?=x-)x: lookahead (?=...) is not supported (it needs backtracking)'],
    ['', 'empty entry (an exact name, or a regex)'],
    ['x-a:b', "'x-a:b' is neither a header name nor a regex that can match one (header names are letters, digits and !#$%&'*+-.^_`|~)"],
  ])('makes %j, neither a valid name nor a valid regex, a problem at its path', (entry, message) => {
    expect(problemsOf(() => compileHeaderRules([{ path: 'models.x.header_rules', rules: { dropHeaders: [entry] } }]))).toEqual([
      { path: 'models.x.header_rules.drop_headers[0]', message },
    ]);
  });

  it('throws a ConfigValidationError whose message lists the problems', () => {
    expect(() => compileHeaderRules([{ path: 'h', rules: { dropHeaders: ['/(/'] } }])).toThrow(/h\.drop_headers\[0\]: invalid regex/);
  });
});
