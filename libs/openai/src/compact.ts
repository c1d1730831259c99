/**
 * A copy of `value` without the keys whose value is `undefined`, so optional IR and wire fields that
 * were not set are absent rather than present-and-undefined (what JSON and deep equality both expect).
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
