import { describe, expect, it } from '@jest/globals';
import { JsonTooDeepError, jsonTextTooDeep, jsonValueTooDeep, MAX_JSON_DEPTH, parseJsonBounded } from './json-depth.js';

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

describe('jsonTextTooDeep', () => {
  it('counts object and array nesting outside strings', () => {
    expect(jsonTextTooDeep(nested(3), 3)).toBe(false);
    expect(jsonTextTooDeep(nested(4), 3)).toBe(true);
    expect(jsonTextTooDeep('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(jsonTextTooDeep('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonTextTooDeep(JSON.stringify({ s: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(jsonTextTooDeep(JSON.stringify({ s: 'a\\"[[[[' }), 1)).toBe(false);
    expect(jsonTextTooDeep(JSON.stringify(['\\', [[1]]]), 2)).toBe(true);
  });

  it('handles depth far beyond the stack limit without recursion', () => {
    expect(jsonTextTooDeep(nested(1_000_000))).toBe(true);
    expect(jsonTextTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
  });
});

describe('jsonValueTooDeep', () => {
  it('measures parsed values iteratively', () => {
    expect(jsonValueTooDeep(JSON.parse(nested(5)), 5)).toBe(false);
    expect(jsonValueTooDeep(JSON.parse(nested(6)), 5)).toBe(true);
    expect(jsonValueTooDeep('text', 0)).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { deep };
    expect(jsonValueTooDeep(deep)).toBe(true);
  });

  it('terminates on cycles', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(jsonValueTooDeep(cycle, 10)).toBe(true);
  });
});

describe('parseJsonBounded', () => {
  it('parses within the limit and refuses beyond it before parsing', () => {
    expect(parseJsonBounded('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(() => parseJsonBounded(nested(200))).toThrow(JsonTooDeepError);
    expect(() => parseJsonBounded('{"a":')).toThrow(SyntaxError);
  });
});
