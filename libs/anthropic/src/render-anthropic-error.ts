import type { HeaderMap, RenderedError, RouterError } from '@llm-router/core';
import type { AnthropicErrorBody } from './anthropic-wire-types.js';
import { errorTypeForKind } from './error-type-for-kind.js';

/**
 * An error before the first byte, as Anthropic answers it: the error's own status (an upstream 529
 * stays 529), `{"type":"error","error":{type,message},"request_id"}`, the `request-id` header the SDK
 * reads as `requestID`, and `retry-after` in whole seconds (rounded up) when a wait is known.
 */
export function renderAnthropicError(error: RouterError, requestId: string): RenderedError {
  const body: AnthropicErrorBody = {
    type: 'error',
    error: { type: errorTypeForKind(error.kind), message: error.message },
    request_id: requestId,
  };
  const headers: HeaderMap = { 'content-type': 'application/json', 'request-id': requestId };
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000));
  return { status: error.status, headers, body: JSON.stringify(body) };
}
