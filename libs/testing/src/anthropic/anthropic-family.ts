import { isRecord } from '../json-value.js';
import type { MockFamily } from '../mock-server.js';
import type { MockOptions, RecordedRequest } from '../mock-upstream.js';
import { reject, type AnswerPlan, type Rejection } from '../wire-answer.js';
import { anthropicModelsAnswer, countTokensAnswers, messagesAnswers } from './anthropic-answers.js';
import { anthropicErrorBody, anthropicStatusErrorBody } from './anthropic-error-body.js';
import { validateMessagesRequest } from './validate-messages-request.js';

const DEFAULT_MODELS = ['claude-haiku-4-5'];

/**
 * The Anthropic API: auth (`x-api-key` or Bearer), the `anthropic-version` header, route, content type
 * and JSON, then the endpoint's validation. Query strings (`?beta=true`) are ignored, as the API does.
 */
export function anthropicFamily(options: MockOptions): MockFamily {
  const models = options.models ?? DEFAULT_MODELS;
  return {
    requestIdHeader: 'request-id',
    errorBody: anthropicStatusErrorBody,
    handle(request: RecordedRequest, requestId: string): AnswerPlan | Rejection {
      const fail = (status: number, type: string, message: string): Rejection => reject(status, anthropicErrorBody(type, message, requestId));
      const denied = checkAuth(request.headers, options.apiKey);
      if (denied !== undefined) return fail(401, 'authentication_error', denied);
      if ((request.headers['anthropic-version'] ?? '') === '') return fail(400, 'invalid_request_error', 'anthropic-version: header is required');
      const route = `${request.method} ${request.path}`;
      if (route === 'GET /v1/models') {
        const list = anthropicModelsAnswer(models);
        return { kind: 'plan', success: list, midstream: list, model: undefined };
      }
      if (route !== 'POST /v1/messages' && route !== 'POST /v1/messages/count_tokens') return fail(404, 'not_found_error', 'Not Found');
      const contentType = request.headers['content-type'] ?? '';
      if (!/^application\/json\b/i.test(contentType)) {
        return fail(400, 'invalid_request_error', `Invalid content type: ${contentType || 'none'}. Expected application/json`);
      }
      if (request.body === undefined) return fail(400, 'invalid_request_error', 'There was an issue with your request body: it is not valid JSON');
      if (!isRecord(request.body)) return fail(400, 'invalid_request_error', 'Input should be a valid dictionary');
      const endpoint = request.path === '/v1/messages' ? 'messages' : 'count_tokens';
      const betas = (request.headers['anthropic-beta'] ?? '').split(',').map((beta) => beta.trim());
      const found = validateMessagesRequest(request.body, endpoint, betas);
      if (found !== undefined) return fail(400, 'invalid_request_error', found);
      return endpoint === 'messages' ? messagesAnswers(request.body) : countTokensAnswers(request.body);
    },
  };
}

/** Both auth styles (§0.10): `x-api-key: K` or `Authorization: Bearer K`. Returns the refusal message. */
function checkAuth(headers: Record<string, string>, apiKey: string | undefined): string | undefined {
  if (apiKey === undefined) return undefined;
  const xApiKey = headers['x-api-key'];
  const bearer = /^Bearer (.+)$/i.exec(headers['authorization'] ?? '')?.[1];
  if (xApiKey === apiKey || bearer === apiKey) return undefined;
  if (xApiKey === undefined && bearer === undefined) return 'x-api-key header is required';
  return xApiKey !== undefined ? 'invalid x-api-key' : 'Invalid bearer token';
}
