const attemptsByError = new WeakMap<object, number>();

/**
 * How many sends runWithRetry made before it rejected with `error` (0 when aborted before the first);
 * undefined for errors it did not throw, and for non-object throwables, which it cannot tag. The error
 * itself is rethrown unchanged, so a RouterError stays a RouterError for the exception filter.
 */
export function attemptsOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? attemptsByError.get(error) : undefined;
}

export function recordAttempts(error: unknown, attempts: number): void {
  if (typeof error === 'object' && error !== null) attemptsByError.set(error, attempts);
}
