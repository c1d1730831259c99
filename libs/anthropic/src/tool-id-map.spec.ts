import { describe, expect, it } from '@jest/globals';
import { createToolIdMap } from './tool-id-map.js';

const VALID = /^[a-zA-Z0-9_-]+$/;

describe('createToolIdMap', () => {
  it('keeps valid ids and replaces other characters with _ (#11)', () => {
    const map = createToolIdMap(['toolu_01A09q90qw90lq917835lq9P', 'call_Xk7Q-p2', 'functions.get_weather:0']);
    expect(map('toolu_01A09q90qw90lq917835lq9P')).toBe('toolu_01A09q90qw90lq917835lq9P');
    expect(map('call_Xk7Q-p2')).toBe('call_Xk7Q-p2');
    expect(map('functions.get_weather:0')).toBe('functions_get_weather_0');
  });

  it('tells apart ids that would collide, leaving an already-valid one unchanged', () => {
    const ids = ['a.b', 'a:b', 'a_b', 'a b'];
    const map = createToolIdMap(ids);
    const mapped = ids.map(map);
    expect(new Set(mapped).size).toBe(4);
    expect(map('a_b')).toBe('a_b');
    for (const id of mapped) expect(id).toMatch(VALID);
    for (const id of mapped.slice(0, 2)) expect(id).toMatch(/^a_b_[0-9a-z]{1,7}$/);
  });

  it('is deterministic: the same ids map the same way, whatever the order or repetition', () => {
    const first = createToolIdMap(['x.1', 'x:1', 'x.1']);
    const second = createToolIdMap(['x:1', 'x.1']);
    expect(first('x.1')).toBe(second('x.1'));
    expect(first('x:1')).toBe(second('x:1'));
  });

  it('maps an empty id and unseen ids to valid ids', () => {
    const map = createToolIdMap(['']);
    expect(map('')).toBe('_');
    expect(map('never.seen')).toBe('never_seen');
  });
});
