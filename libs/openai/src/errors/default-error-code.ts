import type { ErrorKind } from '@llm-router/core';
import { unreachable } from '../unreachable.js';

/**
 * `error.code` when the RouterError carries none: the codes OpenAI clients look for (§1.8, §5.9).
 * Surprise: every `not_found` gets `model_not_found`; a caller reporting an unknown path should pass
 * its own `code`.
 */
export function defaultErrorCode(kind: ErrorKind): string | null {
  switch (kind) {
    case 'authentication':
      return 'invalid_api_key';
    case 'not_found':
      return 'model_not_found';
    case 'rate_limit':
      return 'rate_limit_exceeded';
    case 'invalid_request':
    case 'permission':
    case 'request_too_large':
    case 'api_error':
    case 'bad_gateway':
    case 'overloaded':
    case 'timeout':
      return null;
    default:
      return unreachable(kind, null);
  }
}
