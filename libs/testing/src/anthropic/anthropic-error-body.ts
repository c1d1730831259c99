import { readFixtureJson } from '../fixture-files.js';

/** Anthropic's error envelope (protocols.md §3.9); `request_id` equals the `request-id` header. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

export function anthropicErrorBody(type: string, message: string, requestId: string): AnthropicErrorBody {
  return { type: 'error', error: { type, message }, request_id: requestId };
}

const BY_STATUS: Record<number, [type: string, message: string]> = {
  400: ['invalid_request_error', 'max_tokens: Field required'], // error.400.json's message
  401: ['authentication_error', 'invalid x-api-key'],
  402: ['billing_error', 'Your credit balance is too low to access the Anthropic API.'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.'],
  500: ['api_error', 'Internal server error'],
  504: ['timeout_error', 'Request timed out'],
};

/**
 * The body Anthropic sends with `status`, for scripted errors without a body: error.529.json for 529,
 * `not_found_error` naming the model for 404, the §3.9 type for the others (`api_error` for unknown 5xx).
 */
export function anthropicStatusErrorBody(status: number, requestId: string, model: string | undefined): AnthropicErrorBody {
  if (status === 529) return { ...readFixtureJson<AnthropicErrorBody>('anthropic/error.529.json'), request_id: requestId };
  if (status === 404) return anthropicErrorBody('not_found_error', `model: ${model ?? 'unknown'}`, requestId);
  const known = BY_STATUS[status];
  if (known !== undefined) return anthropicErrorBody(known[0], known[1], requestId);
  return anthropicErrorBody(status >= 500 ? 'api_error' : 'invalid_request_error', `Mock upstream error (HTTP ${status}).`, requestId);
}
