import { describe, expect, it } from '@jest/globals';
import { connectionListedHeaders, toHeaderMap } from './header-map.js';

describe('header maps', () => {
  it('normalise Node headers: lower-case names, arrays joined', () => {
    expect(toHeaderMap({ 'X-A': 'b', 'x-list': ['1', '2'], 'x-num': 3, 'x-none': undefined })).toEqual({ 'x-a': 'b', 'x-list': '1, 2', 'x-num': '3' });
  });

  it('read the names a Connection header lists', () => {
    expect([...connectionListedHeaders({ connection: 'keep-alive, X-Hop-Only ,Upgrade' })]).toEqual(['keep-alive', 'x-hop-only', 'upgrade']);
    expect(connectionListedHeaders({}).size).toBe(0);
  });
});
