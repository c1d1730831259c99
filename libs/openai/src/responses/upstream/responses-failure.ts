import { RouterError } from '@llm-router/core';
import { isRecord } from '../../is-record.js';
import { upstreamError } from '../../upstream/upstream-error.js';

/**
 * The error of a `failed` response (`response.error: {code, message}`) or of a stream `error` event
 * (`{type:"error", code, message, param}`, or the same nested under `error`) as a RouterError: the kind
 * from the code (`rate_limit_exceeded` a rate limit, `server_error` an api_error, ...; see
 * `upstreamError`), the message prefixed `openai: `. An event's own `type: "error"` is no error type.
 */
export function responsesFailure(value: unknown): RouterError {
  if (!isRecord(value)) return new RouterError('api_error', 'openai: upstream response failed', { provider: 'openai' });
  const inner = isRecord(value['error']) ? value['error'] : value;
  const { type, ...rest } = inner;
  return upstreamError(type === 'error' ? rest : inner);
}
