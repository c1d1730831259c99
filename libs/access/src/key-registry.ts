import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The configured client keys, held only as SHA-256 digests. A presented key is hashed and looked up by its
 * digest: the lookup's timing depends on the digest, which an attacker cannot steer towards a real key, and
 * the hit is confirmed with `timingSafeEqual`, so no byte-by-byte comparison of secrets ever happens.
 */
export class KeyRegistry<T> {
  private readonly byDigest = new Map<string, { digest: Buffer; value: T }>();

  /** `entries`: lowercase hex digests (64 characters) and what each identifies. Duplicates: the first wins. */
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [hex, value] of entries) {
      if (!this.byDigest.has(hex)) this.byDigest.set(hex, { digest: Buffer.from(hex, 'hex'), value });
    }
  }

  get size(): number {
    return this.byDigest.size;
  }

  lookup(presentedKey: string): T | undefined {
    const digest = createHash('sha256').update(presentedKey, 'utf8').digest();
    const entry = this.byDigest.get(digest.toString('hex'));
    if (entry === undefined || !timingSafeEqual(entry.digest, digest)) return undefined;
    return entry.value;
  }
}
