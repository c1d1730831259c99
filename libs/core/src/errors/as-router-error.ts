import { RouterError } from './router-error.js';

/**
 * The RouterError behind any thrown value: the value itself, or the first RouterError on its `cause`
 * chain (HTTP clients wrap the error a stream was destroyed with), else a `bad_gateway` error whose
 * message is `context: <original message>`. Used where a stream fails after it started.
 */
export function asRouterError(error: unknown, context: string): RouterError {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (current instanceof RouterError) return current;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RouterError('bad_gateway', `${context}: ${message}`, { retryable: false, cause: error });
}
