import { describe, expect, it } from '@jest/globals';
import { evaluateFilter } from './evaluate-filter.js';
import { parseFilter } from './parse-filter.js';

const matches = (filter: string, node: unknown): boolean => evaluateFilter(parseFilter(filter), node);

function errorOf(filter: string): string {
  try {
    parseFilter(filter);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a syntax error');
}

describe('filter language', () => {
  it("reads Python's single = as equality, and ==, === the same way", () => {
    for (const filter of ["@.role='system'", "@.role == 'system'", '@.role === "system"', "@['role']='system'"]) {
      expect(matches(filter, { role: 'system' })).toBe(true);
      expect(matches(filter, { role: 'user' })).toBe(false);
      expect(matches(filter, {})).toBe(false);
    }
  });

  it('compares without coercion, deeply for objects and arrays', () => {
    expect(matches('@.n == 1', { n: 1 })).toBe(true);
    expect(matches("@.n == '1'", { n: 1 })).toBe(false);
    expect(matches('@.a == @.b', { a: { x: [1, { y: null }] }, b: { x: [1, { y: null }] } })).toBe(true);
    expect(matches('@.a == @.b', { a: { x: [1] }, b: { x: [2] } })).toBe(false);
    expect(matches('@.missing == null', {})).toBe(false);
    expect(matches('@.missing != null', {})).toBe(true);
    expect(matches('@.x == null', { x: null })).toBe(true);
  });

  it('orders numbers with numbers and strings with strings only', () => {
    expect(matches('@.t < 0.5', { t: 0.2 })).toBe(true);
    expect(matches('@.t >= 1e3', { t: 1000 })).toBe(true);
    expect(matches('@.t > -1', { t: 0 })).toBe(true);
    expect(matches("@.t <= 'b'", { t: 'a' })).toBe(true);
    expect(matches("@.t < '5'", { t: 1 })).toBe(false);
    expect(matches('@.t > 0', {})).toBe(false);
  });

  it('combines with &&, ||, ! and parentheses, && binding tighter', () => {
    const node = { role: 'user', n: 2 };
    expect(matches("@.role == 'user' && @.n == 2", node)).toBe(true);
    expect(matches("@.role == 'x' || @.n == 2 && @.role == 'user'", node)).toBe(true);
    expect(matches("(@.role == 'x' || @.n == 2) && !(@.role == 'user')", node)).toBe(false);
    expect(matches('!@.missing', node)).toBe(true);
  });

  it('tests existence with a bare path, through nested names and indexes, and @ itself', () => {
    const message = { tool_calls: [{ id: 'call_1', function: { name: 'f' } }], flag: false };
    expect(matches('@.tool_calls[0].function.name', message)).toBe(true);
    expect(matches("@.tool_calls[0]['function'].name == 'f'", message)).toBe(true);
    expect(matches('@.tool_calls[1]', message)).toBe(false);
    expect(matches('@.flag', message)).toBe(true);
    expect(matches("@ == 'x'", 'x')).toBe(true);
    expect(matches('@.anthropic-beta', { 'anthropic-beta': 'y' })).toBe(true);
  });

  it('reads only own properties: nothing from prototypes', () => {
    expect(matches('@.toString', {})).toBe(false);
    expect(matches('@.length', 'abc')).toBe(false);
    expect(matches('@.hasOwnProperty', [])).toBe(false);
  });

  it.each([
    ["@.role = 'a' = 'b'", 'comparisons cannot be chained (at position 13); use && and parentheses'],
    ['@.a()', "unexpected '(' at position 3"],
    ['@.a = 1; 2', "unexpected ';' at position 7"],
    ['@.constructor', "the name 'constructor' is refused at position 2"],
    ["@['__proto__']", "the name '__proto__' is refused at position 2"],
    ['@.a.prototype', "the name 'prototype' is refused at position 4"],
    ['@parent', "'@parent' is not supported at position 0 (only @ and paths from it)"],
    ['@root.x', "'@root' is not supported at position 0 (only @ and paths from it)"],
    ['$.x == 1', "unknown name '$' at position 0 (paths start with @)"],
    ['process.exit()', "unknown name 'process' at position 0 (paths start with @)"],
    ['`${1}`', "unexpected '`' at position 0"],
    ['@.a + 1', "unexpected '+' at position 4"],
    ["'a'", 'a filter must be a test, not a lone value'],
    ['@.a ==', 'expected a value at the end'],
    ["@.a == 'x", 'unterminated string at position 7'],
    ['('.repeat(40) + '@' + ')'.repeat(40), 'expression nested deeper than 32'],
  ])('refuses %j: %s', (filter, message) => {
    expect(errorOf(filter)).toBe(message);
  });
});
