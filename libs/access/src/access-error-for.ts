import type { AccessDenied } from './access-decision.js';
import { renderAnthropicRateLimitHeaders } from './render-anthropic-rate-limit-headers.js';
import { renderOpenAiRateLimitHeaders } from './render-openai-rate-limit-headers.js';

export type AccessClientFamily = 'openai' | 'anthropic';

/** A refusal as one client family's error: the app puts `type`/`code`/`message` in that family's body shape. */
export interface AccessError {
  status: number;
  /** OpenAI `error.type` / Anthropic `error.type`. */
  type: string;
  /** OpenAI `error.code` (null for Anthropic). */
  code: string | null;
  message: string;
  /** Rate-limit headers, `retry-after`, and `x-should-retry: false` where retrying cannot help. */
  headers: Record<string, string>;
}

/**
 * Renders a refusal for the client's family. Choices (see README "Refusals"):
 * - over_budget: OpenAI 429 `insufficient_quota` (what OpenAI sends when credit runs out) with
 *   `x-should-retry: false`, since the SDKs would otherwise retry a 429 in vain; Anthropic 400
 *   `invalid_request_error` with Anthropic's own wording for a reached spend limit ("You have reached your
 *   specified API usage limits. You will regain access on <date> at <time> UTC."), which clients already know.
 * - store_unavailable: 503 (`server_error` / `api_error`), which both SDKs retry.
 */
export function accessErrorFor(denied: AccessDenied, family: AccessClientFamily, now: number): AccessError {
  const rateHeaders = (retryAfter?: number): Record<string, string> =>
    family === 'openai' ? renderOpenAiRateLimitHeaders(denied.rateLimit ?? {}, now, retryAfter) : renderAnthropicRateLimitHeaders(denied.rateLimit ?? {}, retryAfter);
  const openai = family === 'openai';
  switch (denied.reason) {
    case 'missing_key':
      return { status: 401, type: openai ? 'invalid_request_error' : 'authentication_error', code: null, message: denied.message, headers: {} };
    case 'invalid_key':
      return { status: 401, type: openai ? 'invalid_request_error' : 'authentication_error', code: openai ? 'invalid_api_key' : null, message: denied.message, headers: {} };
    case 'model_not_allowed':
      return { status: 403, type: openai ? 'invalid_request_error' : 'permission_error', code: openai ? 'model_not_allowed' : null, message: denied.message, headers: {} };
    case 'rate_limited':
      return {
        status: 429,
        type: openai ? (denied.limitedBy ?? 'requests') : 'rate_limit_error',
        code: openai ? 'rate_limit_exceeded' : null,
        message: denied.message,
        headers: rateHeaders(denied.retryAfterSeconds),
      };
    case 'over_budget':
      return openai
        ? { status: 429, type: 'insufficient_quota', code: 'insufficient_quota', message: denied.message, headers: { ...rateHeaders(), 'x-should-retry': 'false' } }
        : { status: 400, type: 'invalid_request_error', code: null, message: anthropicSpendLimitMessage(denied.resetsAt ?? now), headers: rateHeaders() };
    case 'store_unavailable':
      return { status: 503, type: openai ? 'server_error' : 'api_error', code: null, message: denied.message, headers: { 'retry-after': '1' } };
  }
}

function anthropicSpendLimitMessage(resetsAt: number): string {
  const iso = new Date(resetsAt).toISOString();
  return `You have reached your specified API usage limits. You will regain access on ${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC.`;
}
