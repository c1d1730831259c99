import { type ErrorKind, RouterError } from '@llm-router/core';

/**
 * A RouterError produced while reading an Ollama answer (not from an HTTP status): message prefixed
 * `ollama: `, provider `ollama`, not retryable (the answer has started or was already received).
 */
export function ollamaError(kind: ErrorKind, detail: string): RouterError {
  return new RouterError(kind, `ollama: ${detail}`, { provider: 'ollama', retryable: false });
}
