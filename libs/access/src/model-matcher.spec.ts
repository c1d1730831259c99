import { describe, expect, it } from '@jest/globals';
import { compileModelGlobs } from './model-matcher.js';

describe('compileModelGlobs', () => {
  it('matches exact names, * runs and ? single characters', () => {
    const allows = compileModelGlobs(['gpt-4o', 'claude-*', 'o?-mini']);
    expect(['gpt-4o', 'claude-3-5-sonnet', 'claude-', 'o1-mini', 'o3-mini'].every(allows)).toBe(true);
    expect(['gpt-4o-mini', 'gpt-4', 'xclaude-3', 'o10-mini', 'o-mini'].some(allows)).toBe(false);
  });

  it('treats regex characters literally', () => {
    const allows = compileModelGlobs(['a.b', 'team/(x)+*']);
    expect(allows('a.b')).toBe(true);
    expect(allows('axb')).toBe(false);
    expect(allows('team/(x)+v2')).toBe(true);
    expect(allows('team/xx')).toBe(false);
  });

  it('allows everything with *, nothing with an empty list', () => {
    expect(compileModelGlobs(['*'])('anything/at:all')).toBe(true);
    expect(compileModelGlobs([])('gpt-4o')).toBe(false);
  });

  it('stays fast on a pathological pattern (no regex backtracking)', () => {
    const allows = compileModelGlobs(['*a*a*a*a*a*a*a*a*b']);
    expect(allows('a'.repeat(2000))).toBe(false);
    expect(allows(`${'a'.repeat(10)}b`)).toBe(true);
  });
});
