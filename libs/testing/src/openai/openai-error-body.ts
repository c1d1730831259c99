import { readFixtureJson } from '../fixture-files.js';
import type { OpenAiProblem } from './openai-problem.js';

/** OpenAI's error envelope (protocols.md §1.8). */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAiErrorBody(message: string, type = 'invalid_request_error', param: string | null = null, code: string | null = null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

export function problemBody(found: OpenAiProblem): OpenAiErrorBody {
  return openAiErrorBody(found.message, 'invalid_request_error', found.param, found.code);
}

const SERVER_MESSAGES: Record<number, string> = {
  500: 'The server had an error while processing your request. Sorry about that!',
  502: 'Bad gateway.',
  503: 'The server is overloaded or not ready yet.',
  504: 'Gateway timeout.',
};

/**
 * The body OpenAI sends with `status`, for scripted errors without a body: the fixtures for 400, 401
 * and 429, a `model_not_found` naming the requested model for 404, `server_error` for 5xx.
 */
export function openAiStatusErrorBody(status: number, model: string | undefined): OpenAiErrorBody {
  switch (status) {
    case 400:
      return readFixtureJson<OpenAiErrorBody>('openai-chat/error.400.json');
    case 401:
      return readFixtureJson<OpenAiErrorBody>('openai-chat/error.401.json');
    case 403:
      return openAiErrorBody('You are not allowed to sample from this model', 'invalid_request_error', null, 'model_not_allowed');
    case 404:
      return openAiErrorBody(`The model \`${model ?? 'unknown'}\` does not exist or you do not have access to it.`, 'invalid_request_error', null, 'model_not_found');
    case 429:
      return readFixtureJson<OpenAiErrorBody>('openai-chat/error.429.json');
    default:
      if (status >= 500) return openAiErrorBody(SERVER_MESSAGES[status] ?? 'The server had an error processing your request.', 'server_error');
      return openAiErrorBody(`Mock upstream error (HTTP ${status}).`);
  }
}
