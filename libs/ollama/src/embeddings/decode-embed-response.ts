import { RouterError, type EmbeddingsResult } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * Ollama's `/api/embed` answer `{embeddings: [[...]], prompt_eval_count}` as float vectors and the prompt's
 * token count (0 when Ollama reports none). An answer without a list of number lists is a 502: the
 * upstream broke its contract, and the client must not get vectors that are not there.
 */
export function decodeEmbedResponse(parsed: unknown): EmbeddingsResult {
  const embeddings = isRecord(parsed) ? parsed['embeddings'] : undefined;
  if (!Array.isArray(embeddings) || !embeddings.every((vector) => Array.isArray(vector) && vector.every((value) => typeof value === 'number'))) {
    throw new RouterError('bad_gateway', 'ollama: the /api/embed answer has no `embeddings` list of number lists', { provider: 'ollama' });
  }
  const count = isRecord(parsed) ? parsed['prompt_eval_count'] : undefined;
  return { vectors: embeddings as number[][], inputTokens: typeof count === 'number' && Number.isFinite(count) ? count : 0 };
}
