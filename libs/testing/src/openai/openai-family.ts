import { isRecord } from '../json-value.js';
import type { MockFamily } from '../mock-server.js';
import type { MockOptions, RecordedRequest } from '../mock-upstream.js';
import { reject, type AnswerPlan, type Rejection } from '../wire-answer.js';
import { chatAnswers, completionsAnswers, openAiModelsAnswer } from './openai-answers.js';
import { responsesAnswers } from './responses-answers.js';
import { openAiErrorBody, openAiStatusErrorBody, problemBody } from './openai-error-body.js';
import { openAiEmbeddingsRoute } from './openai-embeddings-route.js';
import { invalidType } from './openai-problem.js';
import { validateChatRequest } from './validate-chat-request.js';
import { validateCompletionsRequest } from './validate-completions-request.js';
import { validateResponsesRequest } from './validate-responses-request.js';

const DEFAULT_MODELS = ['gpt-4.1-mini', 'gpt-3.5-turbo-instruct'];

const UNPARSABLE_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)";

/** The OpenAI API: auth, then route, then content type and JSON, then the endpoint's validation. */
export function openAiFamily(options: MockOptions): MockFamily {
  const models = options.models ?? DEFAULT_MODELS;
  return {
    requestIdHeader: 'x-request-id',
    errorBody: (status, _requestId, model) => openAiStatusErrorBody(status, model),
    handle(request: RecordedRequest): AnswerPlan | Rejection {
      const denied = checkAuth(request.headers['authorization'], options.apiKey);
      if (denied !== undefined) return denied;
      const route = `${request.method} ${request.path}`;
      if (route === 'GET /v1/models') {
        const list = openAiModelsAnswer(models);
        return { kind: 'plan', success: list, midstream: list, model: undefined };
      }
      if (route === 'POST /v1/embeddings') return openAiEmbeddingsRoute(request);
      if (route !== 'POST /v1/chat/completions' && route !== 'POST /v1/completions' && route !== 'POST /v1/responses') {
        return reject(404, openAiErrorBody(`Invalid URL (${request.method} ${request.path})`));
      }
      if (options.responsesOnly === true && route !== 'POST /v1/responses') {
        const endpoint = request.path.slice(1);
        return reject(404, openAiErrorBody(`This model is only supported in v1/responses and not in ${endpoint}.`, 'invalid_request_error', 'model'));
      }
      const contentType = request.headers['content-type'] ?? '';
      if (!/^application\/json\b/i.test(contentType)) {
        return reject(400, openAiErrorBody(`Invalid Content-Type header (${contentType || 'none'}): this endpoint only accepts application/json.`));
      }
      if (request.body === undefined) return reject(400, openAiErrorBody(UNPARSABLE_JSON));
      if (!isRecord(request.body)) return reject(400, problemBody(invalidType('body', 'an object', request.body)));
      if (request.path === '/v1/responses') {
        const found = validateResponsesRequest(request.body);
        return found === undefined ? responsesAnswers(request.body) : reject(400, problemBody(found));
      }
      const chat = request.path === '/v1/chat/completions';
      const found = chat ? validateChatRequest(request.body) : validateCompletionsRequest(request.body);
      if (found !== undefined) return reject(400, problemBody(found));
      return chat ? chatAnswers(request.body) : completionsAnswers(request.body);
    },
  };
}

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.";

function checkAuth(authorization: string | undefined, apiKey: string | undefined): Rejection | undefined {
  if (apiKey === undefined) return undefined;
  const match = /^Bearer (.+)$/i.exec(authorization ?? '');
  if (match === null) return reject(401, openAiErrorBody(NO_KEY));
  const key = match[1] ?? '';
  if (key === apiKey) return undefined;
  return reject(
    401,
    openAiErrorBody(
      `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      null,
      'invalid_api_key',
    ),
  );
}

/** `sk-proj-abcdef1234` -> `sk-proj-****1234`, as OpenAI echoes a wrong key. */
function maskKey(key: string): string {
  const prefix = /^(sk-(?:proj-)?)/.exec(key)?.[1] ?? key.slice(0, 3);
  return `${prefix}****${key.slice(-4)}`;
}
