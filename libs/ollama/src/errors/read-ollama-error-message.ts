import { parseJsonBounded } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * The message of an Ollama error body `{"error":"…"}`, read leniently: a non-string `error` is
 * serialised, and bodies that are not JSON, nest too deep to serialise safely, or carry no `error` (HTML
 * from a proxy, empty) yield undefined.
 */
export function readOllamaErrorMessage(body: string): string | undefined {
  let value: unknown;
  try {
    value = parseJsonBounded(body);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value['error'] === undefined || value['error'] === null) return undefined;
  const error = value['error'];
  const message = typeof error === 'string' ? error : JSON.stringify(error);
  return message === '' ? undefined : message;
}
