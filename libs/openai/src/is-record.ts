/** A JSON object (not null, not an array): the narrowing every wire-boundary reader starts with. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
