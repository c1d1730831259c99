import { describe, expect, it } from '@jest/globals';
import { JSONPath } from 'jsonpath-plus';
import { compileJsonPath } from './compile-json-path.js';

function errorOf(path: string): string | undefined {
  const compiled = compileJsonPath(path);
  return 'error' in compiled ? compiled.error : undefined;
}

describe('jsonpath-plus 10.4.0 behaviour this lib works around', () => {
  it('toPathArray does not throw on malformed paths', () => {
    expect(JSONPath.toPathArray('$.a[')).toEqual(['$', 'a']);
    expect(JSONPath.toPathArray('$.a]]')).toEqual(['$.a']);
    expect(JSONPath.toPathArray('a.b')).toEqual(['a', 'b']);
  });

  it('toPathArray misreads some quoted names', () => {
    expect(JSONPath.toPathArray("$['a;b']")).toEqual(['$', 'a', 'b']);
    expect(JSONPath.toPathArray("$['a','b']")).toEqual(['$', "a','b"]);
  });

  it('a filter syntax error only surfaces when the filter runs on some node', () => {
    expect(JSONPath({ path: '$.a[?(@.x ==)]', json: { a: [] }, wrap: true })).toEqual([]);
    expect(() => JSONPath({ path: '$.a[?(@.x ==)]', json: { a: [{}] }, wrap: true })).toThrow('Expected expression after == at character 9');
  });

  it('script segments throw a TypeError when their result is not a key of the node', () => {
    expect(() => JSONPath({ path: '$.a[(@.length-1)]', json: { a: [] }, wrap: true })).toThrow('loc.indexOf is not a function');
  });
});

describe('compileJsonPath', () => {
  it('returns the segments of a valid path', () => {
    const compiled = compileJsonPath("$.messages[?(@.role == 'system')].content");
    expect('error' in compiled ? compiled : compiled.map((segment) => segment.value)).toEqual(['$', 'messages', "?(@.role == 'system')", 'content']);
  });

  it('reports grammar errors', () => {
    expect(errorOf('$.a[')).toBe("unexpected '' at position 4");
  });

  it('reports paths jsonpath-plus would read differently from the grammar', () => {
    expect(errorOf("$['a;b']")).toBe('jsonpath-plus would read it as ["$","a","b"] rather than ["$","a;b"]');
    expect(errorOf("$['a]b']")).toBe('jsonpath-plus would read it as ["$","ab"] rather than ["$","a]b"]');
  });

  it('reports filter syntax errors at compile time', () => {
    expect(errorOf('$.messages[?(@.role ==)]')).toBe("invalid filter [?(@.role ==)]: expected a value at the end");
  });

  it('refuses script segments, nested filters and the ~ selector', () => {
    expect(errorOf('$.messages[(@.length-1)]')).toBe('script expressions like [(@.length-1)] are not supported; use a filter [?(...)] or a slice such as [-1:]');
    expect(errorOf('$.a[?(@.b[?(@.c)])]')).toBe('nested filters are not supported: [?(@.b[?(@.c)])]');
    expect(errorOf('$.a~')).toBe('the property-name selector ~ is not supported');
  });
});

describe('compileJsonPath: filters that would run code', () => {
  // Published jsonpath-plus "safe" evaluator bypasses (GHSA-pppg-cpfq-h7wr / issue #226, CVE-2025-1302,
  // PR #237's non-string property names) and the classic constructor chains: each must be refused at
  // compile time, before jsonpath-plus sees it, with no side effect.
  it.each([
    '$[?(var _$_root=[].constructor.constructor("globalThis.__pwned = 1");@root())]',
    "$..[?(p=\"globalThis.__pwned = 1\";a=''[['constructor']][['constructor']](p);a())]",
    "$..[?(EQST=''[['constructor']][['constructor']]('globalThis.__pwned = 1');EQST())]",
    '$[?(@.constructor.constructor("globalThis.__pwned = 1")())]',
    "$[?(@['constructor']['constructor']('globalThis.__pwned = 1')())]",
    '$[?(this.constructor.constructor("return this.process")().exit())]',
    '$[?(@.__proto__.polluted = 1)]',
    '$[?(@.role == `x${globalThis.__pwned = 1}`)]',
    '$..[?((function a(arr){a([...arr, ...arr])})([1]);)]',
  ])('refuses %s', (path) => {
    expect(errorOf(path)).toMatch(/^invalid filter \[/);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('refuses script segments, which jsonpath-plus would also hand to its evaluator', () => {
    expect(errorOf('$[(this.constructor.constructor("globalThis.__pwned = 1")())]')).toMatch(/^script expressions like \[\(this/);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });
});
