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
    expect(compiled.dropPatterns.map(String)).toEqual(['/^x-stainless-/', '/^X-TRACE/i']);
  });

  it('treats a pattern containing slashes as one regex closed by the last slash', () => {
    const compiled = compileHeaderRules([{ path: 'header_rules', rules: { dropHeaders: ['/a\\/b/'] } }]);
    expect(compiled.dropPatterns[0]?.source).toBe('a\\/b');
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
    expect(compiled.dropPatterns.map(String)).toEqual(['/^x-g-/', '/^x-m-/']);
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
      { path: 'header_rules.drop_headers[2]', message: 'invalid regex /x(/: Unterminated group' },
    ]);
  });

  it('rejects unknown, global and sticky regex flags', () => {
    expect(problemsOf(() => compileHeaderRules([{ path: 'h', rules: { dropHeaders: ['/a/z', '/a/g', '/a/iy'] } }]))).toEqual([
      { path: 'h.drop_headers[0]', message: "invalid regex /a/z: Invalid flags supplied to RegExp constructor 'z'" },
      { path: 'h.drop_headers[1]', message: "invalid regex /a/g: flag 'g' is not allowed" },
      { path: 'h.drop_headers[2]', message: "invalid regex /a/iy: flag 'y' is not allowed" },
    ]);
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
      { path: 'header_rules.drop_headers[0]', message: "invalid header name 'x ok'" },
      { path: 'header_rules.drop_headers[1]', message: "invalid header name '/unclosed' (a regex is written /pattern/flags)" },
      { path: 'header_rules.add_headers["Bad Name"]', message: "invalid header name 'Bad Name'" },
      { path: 'models.gpt-4.header_rules.drop_headers[0]', message: 'invalid regex /[/: Unterminated character class' },
      { path: 'models.gpt-4.header_rules.add_headers.x-a', message: "duplicate header 'x-a' (names are case-insensitive)" },
      { path: 'models.gpt-4.header_rules.force_headers.x-ok', message: 'header value contains control characters' },
      { path: 'models.gpt-4.header_rules.force_headers["x:colon"]', message: "invalid header name 'x:colon'" },
    ]);
  });

  it('rejects non-string header values from untyped callers', () => {
    const rules = JSON.parse('{"addHeaders":{"x-retries":3}}') as { addHeaders: Record<string, string> };
    expect(problemsOf(() => compileHeaderRules([{ path: 'h', rules }]))).toEqual([{ path: 'h.add_headers.x-retries', message: 'header value must be a string' }]);
  });

  it('throws a ConfigValidationError whose message lists the problems', () => {
    expect(() => compileHeaderRules([{ path: 'h', rules: { dropHeaders: ['/(/'] } }])).toThrow(/h\.drop_headers\[0\]: invalid regex/);
  });
});
