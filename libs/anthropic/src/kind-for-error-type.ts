import type { ErrorKind } from '@llm-router/core';

/**
 * The kind an upstream Anthropic `error.type` stands for; undefined for types the router has no kind
 * for (`billing_error`, future types), where the caller falls back to the HTTP status.
 */
export function kindForErrorType(type: string): ErrorKind | undefined {
  switch (type) {
    case 'invalid_request_error':
      return 'invalid_request';
    case 'authentication_error':
      return 'authentication';
    case 'permission_error':
      return 'permission';
    case 'not_found_error':
      return 'not_found';
    case 'request_too_large':
      return 'request_too_large';
    case 'rate_limit_error':
      return 'rate_limit';
    case 'api_error':
      return 'api_error';
    case 'overloaded_error':
      return 'overloaded';
    case 'timeout_error':
      return 'timeout';
    default:
      return undefined;
  }
}
