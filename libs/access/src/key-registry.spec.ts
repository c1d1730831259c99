import { describe, expect, it } from '@jest/globals';
import { KeyRegistry } from './key-registry.js';
import { sha256Hex } from './sha256-hex.js';

describe('KeyRegistry', () => {
  const registry = new KeyRegistry([
    [sha256Hex('sk-team-a-0123456789'), 'team-a'],
    [sha256Hex('sk-team-b-0123456789'), 'team-b'],
  ]);

  it('finds a key by the digest of the presented key', () => {
    expect(registry.lookup('sk-team-a-0123456789')).toBe('team-a');
    expect(registry.lookup('sk-team-b-0123456789')).toBe('team-b');
  });

  it('refuses prefixes, extensions, other cases and the digest itself', () => {
    for (const wrong of ['sk-team-a-012345678', 'sk-team-a-01234567890', 'SK-TEAM-A-0123456789', sha256Hex('sk-team-a-0123456789'), '']) {
      expect(registry.lookup(wrong)).toBeUndefined();
    }
  });

  it('holds digests only: the registry carries no plaintext key', () => {
    expect(JSON.stringify([...Object.values(registry)])).not.toContain('sk-team-a');
    expect(registry.size).toBe(2);
  });

  it('tells apart digests that share the prefix the table is keyed by', () => {
    const real = sha256Hex('sk-collide-0123456789');
    const twin = real.slice(0, 16) + (real[16] === '0' ? '1' : '0') + real.slice(17);
    const colliding = new KeyRegistry([
      [twin, 'twin'],
      [real, 'real'],
    ]);
    expect(colliding.size).toBe(2);
    expect(colliding.lookup('sk-collide-0123456789')).toBe('real');
    expect(colliding.lookup('sk-collide-012345678')).toBeUndefined();
  });
});
