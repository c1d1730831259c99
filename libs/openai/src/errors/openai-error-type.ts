import type { ErrorKind } from '@llm-router/core';
import { unreachable } from '../unreachable.js';

export type OpenAIErrorType = 'invalid_request_error' | 'permission_error' | 'rate_limit_error' | 'server_error';

/**
 * The `error.type` an OpenAI client sees for each kind (§5.9). The SDK picks its error class from the
 * HTTP status alone; `type` is for humans and for clients that switch on it.
 *
 * Surprise: OpenAI's own 429 bodies carry the limit dimension as `type` (`tokens`, `requests`), which the
 * router cannot know; `rate_limit_error` (what other OpenAI-compatible servers send) plus code
 * `rate_limit_exceeded` is what clients match on. 401 is `invalid_request_error`, as OpenAI sends it.
 */
export function openAIErrorType(kind: ErrorKind): OpenAIErrorType {
  switch (kind) {
    case 'invalid_request':
    case 'not_found':
    case 'request_too_large':
    case 'authentication':
      return 'invalid_request_error';
    case 'permission':
      return 'permission_error';
    case 'rate_limit':
      return 'rate_limit_error';
    case 'api_error':
    case 'bad_gateway':
    case 'overloaded':
    case 'timeout':
      return 'server_error';
    default:
      return unreachable(kind, 'server_error');
  }
}
