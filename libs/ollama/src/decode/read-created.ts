/**
 * `created_at` (RFC 3339 with nanoseconds) as Unix seconds. Surprise: 0 when it is missing or
 * unparseable; the decoders have no clock (they are pure).
 */
export function readCreated(createdAt: string | undefined): number {
  if (createdAt === undefined) return 0;
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
