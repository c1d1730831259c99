/**
 * What went wrong, independent of any wire format. Each API family maps a kind to its own
 * error `type` string and HTTP status (see docs/protocols.md §5.9).
 */
export type ErrorKind =
  | 'invalid_request' // 400: malformed JSON, missing or mistyped field, untranslatable feature
  | 'authentication' // 401: the client's credentials were refused
  | 'permission' // 403
  | 'not_found' // 404: unknown model or path
  | 'request_too_large' // 413
  | 'rate_limit' // 429
  | 'api_error' // 500: upstream or router failure
  | 'bad_gateway' // 502: upstream unreachable, TLS refused
  | 'overloaded' // 503/529: upstream overloaded
  | 'timeout'; // 504: connect, response or stream-idle timeout

/** The HTTP status the router answers with for each kind, unless an upstream status is kept. */
export const STATUS_FOR_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  request_too_large: 413,
  rate_limit: 429,
  api_error: 500,
  bad_gateway: 502,
  overloaded: 503,
  timeout: 504,
};

/** The kind an HTTP status stands for; unknown 4xx are invalid requests, unknown 5xx api errors. */
export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'invalid_request';
    case 401:
      return 'authentication';
    case 403:
      return 'permission';
    case 404:
      return 'not_found';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit';
    case 502:
      return 'bad_gateway';
    case 503:
    case 529:
      return 'overloaded';
    case 504:
    case 408:
      return 'timeout';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request';
  }
}
