import { isRecord } from '../json-value.js';
import type { MockFamily } from '../mock-server.js';
import type { RecordedRequest } from '../mock-upstream.js';
import { reject, type AnswerPlan, type Rejection } from '../wire-answer.js';
import { invalidJsonMessage } from './go-json-errors.js';
import { chatAnswers, generateAnswers, tagsAnswer, versionAnswer } from './ollama-answers.js';
import { embedAnswer } from './ollama-embed-answer.js';
import { ollamaErrorBody, ollamaStatusErrorBody } from './ollama-error-body.js';
import { isInstalled } from './ollama-model-names.js';
import { validateChatRequest } from './validate-chat-request.js';
import { validateEmbedRequest } from './validate-embed-request.js';
import { validateGenerateRequest } from './validate-generate-request.js';

/** What `startMockOllama` takes. */
export interface MockOllamaOptions {
  /** Pause between two NDJSON lines of a streamed answer (default 0). Each line is its own `res.write`. */
  chunkDelayMs?: number;
  /**
   * The installed models: listed by `GET /api/tags`, and a chat/generate request naming another one gets
   * 404 `model 'x' not found` (tags default to `latest`). Default: any model is accepted and the tags are
   * tags.response.json.
   */
  models?: string[];
  /** Require `Authorization: Bearer <apiKey>` (Ollama behind an auth proxy, or Ollama cloud); default none. */
  apiKey?: string;
  /** Serve HTTPS with the shared self-signed certificate. */
  tls?: boolean;
}

/** Path -> the one method it answers (other methods get 405, as gin with HandleMethodNotAllowed). */
const ROUTES: ReadonlyMap<string, string> = new Map([
  ['/api/chat', 'POST'],
  ['/api/generate', 'POST'],
  ['/api/embed', 'POST'],
  ['/api/tags', 'GET'],
  ['/api/version', 'GET'],
]);

/**
 * Ollama's native API: (optional) auth, route, JSON body, validation, model existence, then the
 * answers from the fixtures. No content-type check: Ollama (gin) binds JSON whatever the header says.
 */
export function ollamaFamily(options: MockOllamaOptions): MockFamily {
  return {
    // Ollama sends no request id; the mock adds one for correlation in tests.
    requestIdHeader: 'x-request-id',
    errorBody: ollamaStatusErrorBody,
    handle(request: RecordedRequest): AnswerPlan | Rejection {
      const fail = (status: number, message: string): Rejection => reject(status, ollamaErrorBody(message));
      if (options.apiKey !== undefined && request.headers['authorization'] !== `Bearer ${options.apiKey}`) return fail(401, 'unauthorized');
      const method = ROUTES.get(request.path);
      if (method === undefined) return fail(404, '404 page not found');
      if (method !== request.method) return fail(405, '405 method not allowed');
      if (request.path === '/api/tags') return plan(tagsAnswer(options.models));
      if (request.path === '/api/version') return plan(versionAnswer());

      if (request.body === undefined) return fail(400, invalidJsonMessage(request.rawBody));
      const struct = request.path === '/api/chat' ? 'api.ChatRequest' : request.path === '/api/embed' ? 'api.EmbedRequest' : 'api.GenerateRequest';
      if (!isRecord(request.body)) return fail(400, `json: cannot unmarshal ${Array.isArray(request.body) ? 'array' : typeof request.body} into Go value of type ${struct}`);
      const body = request.body;
      const problem = request.path === '/api/chat' ? validateChatRequest(body) : request.path === '/api/embed' ? validateEmbedRequest(body) : validateGenerateRequest(body);
      if (problem !== undefined) return fail(400, problem);
      const model = String(body['model']);
      if (options.models !== undefined && !isInstalled(model, options.models)) return fail(404, `model '${model}' not found`);
      if (request.path === '/api/embed') return { ...plan(embedAnswer(body)), model };
      return request.path === '/api/chat' ? chatAnswers(body) : generateAnswers(body);
    },
  };
}

function plan(answer: AnswerPlan['success']): AnswerPlan {
  return { kind: 'plan', success: answer, midstream: answer, model: undefined };
}
