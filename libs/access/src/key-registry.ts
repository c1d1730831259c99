import { hash } from 'node:crypto';

/** Hex characters of the digest prefix the hash table is keyed by; the rest is compared in constant time. */
const PREFIX_LENGTH = 16;

interface Entry<T> {
  digest: string;
  value: T;
}

/**
 * The configured client keys, held only as SHA-256 digests (lowercase hex). A presented key is hashed; the
 * hash table finds candidates by the digest's first 16 hex characters, and each candidate's whole digest is
 * compared in constant time. So no comparison ever runs over the secret itself, and the timing of the one
 * over digests depends on nothing an attacker can steer towards a real key.
 *
 * Per request this allocates no Buffer and no Hash object: the one-shot `crypto.hash` to hex and a
 * character loop. (Measured under load in Node 20: a native-backed Buffer or Hash per request cost the
 * router more, in GC and native calls, than all the rest of the access checks.)
 */
export class KeyRegistry<T> {
  private readonly byPrefix = new Map<string, Entry<T>[]>();
  private count = 0;

  /** `entries`: lowercase hex digests (64 characters) and what each identifies. Duplicates: the first wins. */
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [digest, value] of entries) {
      const prefix = digest.slice(0, PREFIX_LENGTH);
      const bucket = this.byPrefix.get(prefix) ?? [];
      if (bucket.some((entry) => entry.digest === digest)) continue;
      bucket.push({ digest, value });
      this.byPrefix.set(prefix, bucket);
      this.count++;
    }
  }

  get size(): number {
    return this.count;
  }

  lookup(presentedKey: string): T | undefined {
    const digest = hash('sha256', presentedKey, 'hex');
    const bucket = this.byPrefix.get(digest.slice(0, PREFIX_LENGTH));
    if (bucket === undefined) return undefined;
    for (const entry of bucket) if (constantTimeEqual(entry.digest, digest)) return entry.value;
    return undefined;
  }
}

/** Whether two strings of equal length are equal, in time that depends only on the length. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
