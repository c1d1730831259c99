/**
 * The `never` check of an exhaustive switch: does not compile when a case is missing, and returns
 * `fallback` at run time (translation code is total, it never throws on a value it does not know).
 */
export function unreachable<T>(_value: never, fallback: T): T {
  return fallback;
}
