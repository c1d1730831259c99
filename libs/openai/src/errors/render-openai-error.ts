import type { HeaderMap, RenderedError, RouterError } from '@llm-router/core';
import { openAIErrorBody } from './openai-error-body.js';

/**
 * `ClientCodec.renderError`: the error's own status, the OpenAI body, `x-request-id` (the SDK exposes it
 * as `requestID`) and `retry-after` in whole seconds, rounded up, when the error carries a delay.
 */
export function renderOpenAIError(error: RouterError, requestId: string): RenderedError {
  const headers: HeaderMap = { 'content-type': 'application/json', 'x-request-id': requestId };
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000));
  return { status: error.status, headers, body: JSON.stringify(openAIErrorBody(error)) };
}
