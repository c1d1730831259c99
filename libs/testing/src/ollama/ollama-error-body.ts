import { readFixtureJson } from '../fixture-files.js';

/** Ollama's error body (protocols.md §4.6). */
export interface OllamaErrorBody {
  error: string;
}

export function ollamaErrorBody(message: string): OllamaErrorBody {
  return { error: message };
}

const BY_STATUS: Record<number, string> = {
  401: 'unauthorized',
  429: 'too many requests, please try again later',
  499: 'context canceled',
  500: 'llama runner process has terminated: exit status 2',
  502: 'remote model is unavailable',
  503: 'server busy, please try again.  maximum pending requests exceeded',
};

/**
 * The body Ollama sends with `status`, for scripted errors without a body: error.400.json for 400
 * (`… does not support tools`), `model '<model>' not found` for 404 (error.404.json's wording), Ollama's
 * own messages for 401 (cloud), 429, 499, 500, 502 (cloud model unreachable) and 503 (queue full).
 */
export function ollamaStatusErrorBody(status: number, _requestId: string, model: string | undefined): OllamaErrorBody {
  if (status === 400) return readFixtureJson<OllamaErrorBody>('ollama/error.400.json');
  if (status === 404) return ollamaErrorBody(`model '${model ?? 'unknown'}' not found`);
  return ollamaErrorBody(BY_STATUS[status] ?? `mock upstream error (HTTP ${status})`);
}
