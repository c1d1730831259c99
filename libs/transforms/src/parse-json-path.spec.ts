import { describe, expect, it } from '@jest/globals';
import { parseJsonPath } from './parse-json-path.js';

function kindsAndValues(path: string): string[] | string {
  const parsed = parseJsonPath(path);
  return 'error' in parsed ? parsed.error : parsed.map((segment) => `${segment.kind}:${segment.value}`);
}

describe('parseJsonPath', () => {
  it('reads dotted and bracket names, indexes, wildcards and descendants', () => {
    expect(kindsAndValues('$')).toEqual(['root:$']);
    expect(kindsAndValues("$.messages[0]['content']")).toEqual(['root:$', 'name:messages', 'index:0', 'name:content']);
    expect(kindsAndValues('$.messages[*].tool_calls.*')).toEqual(['root:$', 'name:messages', 'wildcard:*', 'name:tool_calls', 'wildcard:*']);
    expect(kindsAndValues('$..text')).toEqual(['root:$', 'descendant:..', 'name:text']);
    expect(kindsAndValues('$..[0]')).toEqual(['root:$', 'descendant:..', 'index:0']);
    expect(kindsAndValues("$.metadata['user id']")).toEqual(['root:$', 'name:metadata', 'name:user id']);
    expect(kindsAndValues('$.anthropic-beta.ünï')).toEqual(['root:$', 'name:anthropic-beta', 'name:ünï']);
  });

  it('reads slices, unions, filters, parent and type selectors', () => {
    expect(kindsAndValues('$.messages[-2:]')).toEqual(['root:$', 'name:messages', 'slice:-2:']);
    expect(kindsAndValues('$.messages[0:4:2]')).toEqual(['root:$', 'name:messages', 'slice:0:4:2']);
    expect(kindsAndValues('$.messages[0,2]')).toEqual(['root:$', 'name:messages', 'union:0,2']);
    expect(kindsAndValues("$.messages[?(@.role == 'a)b')].content")).toEqual(['root:$', 'name:messages', "filter:?(@.role == 'a)b')", 'name:content']);
    expect(kindsAndValues('$.a^')).toEqual(['root:$', 'name:a', 'parent:^']);
    expect(kindsAndValues('$..*@string()')).toEqual(['root:$', 'descendant:..', 'wildcard:*', 'type:@string()']);
  });

  it('records where each segment starts', () => {
    const parsed = parseJsonPath('$.messages[*].meta');
    expect('error' in parsed ? [] : parsed.map((segment) => segment.start)).toEqual([0, 1, 10, 13]);
  });

  it('rejects what jsonpath-plus would silently accept', () => {
    expect(kindsAndValues('messages')).toBe("a JSONPath must start with '$'");
    expect(kindsAndValues('')).toBe("a JSONPath must start with '$'");
    expect(kindsAndValues('$.a[')).toBe("unexpected '' at position 4");
    expect(kindsAndValues('$.a]]')).toBe("unexpected ']' at position 3");
    expect(kindsAndValues('$.a.')).toBe('the path ends after a dot');
    expect(kindsAndValues('$..')).toBe('the path ends after a dot');
    expect(kindsAndValues('$.a b')).toBe("unexpected ' ' at position 3");
    expect(kindsAndValues('$.a[?(@.x')).toBe('unterminated expression at position 4');
    expect(kindsAndValues("$['a")).toBe('unterminated string at position 2');
    expect(kindsAndValues('$.a[-1]')).toBe('invalid index [-1] at position 4; use a slice such as [-1:]');
    expect(kindsAndValues('$.a[01]')).toBe('invalid index [01] at position 4');
    expect(kindsAndValues("$['a','b']")).toBe('unions of names are not supported (at position 2); write one rule per name');
    expect(kindsAndValues('$.a[0,1:2]')).toBe('slices cannot be part of a union (at position 4)');
    expect(kindsAndValues('$.a[?(@.x)]x')).toBe("unexpected 'x' at position 11");
  });
});
