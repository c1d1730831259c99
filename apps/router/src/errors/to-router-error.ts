import { HttpException } from '@nestjs/common';
import { kindForStatus, RouterError } from '@llm-router/core';

interface FastifyErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/**
 * Any error that reaches the edge, as a RouterError: our own as they are; Fastify's body-parsing errors
 * (malformed JSON, body too large, wrong content type), which Nest hands to the exception filters
 * wrapped in an HttpException; other Nest HTTP exceptions (unknown path -> 404) by their status;
 * anything else is a bug, shown to the client as a bare 500 (details go to the log only).
 */
export function toRouterError(error: unknown, method: string, url: string): RouterError {
  if (error instanceof RouterError) return error;
  if (error instanceof HttpException) {
    if (isFastifyError(error.cause)) return toRouterError(error.cause, method, url);
    const status = error.getStatus();
    if (status === 404) return new RouterError('not_found', `Unknown request URL: ${method} ${url.split('?', 1)[0]}.`, { code: 'unknown_url' });
    return new RouterError(kindForStatus(status), error.message, { status });
  }
  const e: FastifyErrorLike = typeof error === 'object' && error !== null ? (error as FastifyErrorLike) : {};
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const message = typeof e.message === 'string' ? e.message : 'error';
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new RouterError('request_too_large', 'Request body is larger than the router allows (server.body_limit_mb).');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new RouterError('invalid_request', 'Content-Type must be application/json.', { status: 415 });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return RouterError.invalidRequest('The request body is empty; expected a JSON object.');
    default:
      break;
  }
  if (error instanceof SyntaxError || (status === 400 && e.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
    return RouterError.invalidRequest(`The request body is not valid JSON: ${message}`);
  }
  if (status !== undefined && status >= 400 && status < 500) return new RouterError(kindForStatus(status), message, { status });
  return new RouterError('api_error', 'The router failed to handle this request.', { cause: error });
}

function isFastifyError(value: unknown): value is FastifyErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as FastifyErrorLike).code === 'string' && String((value as FastifyErrorLike).code).startsWith('FST_');
}
