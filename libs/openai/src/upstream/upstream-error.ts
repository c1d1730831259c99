import { type ErrorKind, RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * The error an OpenAI(-compatible) upstream reported inside a 200 answer (`data: {"error":…}` mid-stream,
 * or a JSON body holding `error`) as a RouterError with `provider: 'openai'`: the kind from the error's
 * `type` or `code` (§1.8), the message prefixed `openai: `, `code`/`param` kept. Not retryable: part of
 * the answer may have reached the client already.
 */
export function upstreamError(value: unknown): RouterError {
  const inner = isRecord(value) && value['error'] !== undefined ? value['error'] : value;
  const fields = isRecord(inner) ? inner : { message: inner };
  const message = nonEmpty(fields['message']) ?? 'upstream reported an error';
  const type = nonEmpty(fields['type']);
  const code = typeof fields['code'] === 'number' ? String(fields['code']) : nonEmpty(fields['code']);
  return new RouterError(kindFor(type, code), `openai: ${message}`, { provider: 'openai', code, param: nonEmpty(fields['param']) });
}

function kindFor(type: string | undefined, code: string | undefined): ErrorKind {
  switch (code) {
    case 'rate_limit_exceeded':
    case 'insufficient_quota':
      return 'rate_limit';
    case 'context_length_exceeded':
      return 'invalid_request';
    case 'model_not_found':
      return 'not_found';
    case 'invalid_api_key':
      return 'authentication';
  }
  switch (type) {
    case 'invalid_request_error':
      return 'invalid_request';
    case 'authentication_error':
      return 'authentication';
    case 'permission_error':
      return 'permission';
    case 'not_found_error':
      return 'not_found';
    case 'rate_limit_error':
    case 'tokens':
    case 'requests':
      return 'rate_limit';
    case 'overloaded_error':
      return 'overloaded';
    case 'timeout':
    case 'timeout_error':
      return 'timeout';
    default:
      return 'api_error';
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
