import type { ErrorKind } from '@llm-router/core';
import type { AnthropicErrorType } from './anthropic-wire-types.js';

/** The Anthropic `error.type` a client sees for each kind (docs/protocols.md §3.9, §5.9). */
export function errorTypeForKind(kind: ErrorKind): AnthropicErrorType {
  switch (kind) {
    case 'invalid_request':
      return 'invalid_request_error';
    case 'authentication':
      return 'authentication_error';
    case 'permission':
      return 'permission_error';
    case 'not_found':
      return 'not_found_error';
    case 'request_too_large':
      return 'request_too_large';
    case 'rate_limit':
      return 'rate_limit_error';
    case 'api_error':
    case 'bad_gateway':
      return 'api_error';
    case 'overloaded':
      return 'overloaded_error';
    case 'timeout':
      return 'timeout_error';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
