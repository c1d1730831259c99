import { RouterError, type ErrorKind } from '@llm-router/core';
import { isRecord } from './read-request-field.js';
import { kindForErrorType } from './kind-for-error-type.js';

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate_limit', 'api_error', 'overloaded', 'timeout']);

/**
 * An Anthropic in-band `event: error` (`{"type":"error","error":{type,message}}`, docs/protocols.md §3.7)
 * as a RouterError: kind from `error.type` (unknown → api_error), status the kind's, message
 * `anthropic: <message>`, provider `anthropic`. Retryable like the same error before the first byte
 * (rate limits, overload, server errors, timeouts), although a started stream cannot be retried.
 */
export function decodeStreamError(data: unknown): RouterError {
  const error = isRecord(data) ? data['error'] : undefined;
  const type = isRecord(error) && typeof error['type'] === 'string' ? error['type'] : undefined;
  const message = isRecord(error) && typeof error['message'] === 'string' ? error['message'] : 'upstream stream failed';
  const kind = (type === undefined ? undefined : kindForErrorType(type)) ?? 'api_error';
  return new RouterError(kind, `anthropic: ${message}`, { provider: 'anthropic', retryable: RETRYABLE.has(kind) });
}
