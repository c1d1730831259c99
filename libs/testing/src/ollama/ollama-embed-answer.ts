import { mockEmbedding, mockEmbeddingTokens, MOCK_EMBEDDING_DIMENSIONS } from '../mock-embedding.js';
import { jsonAnswer, type WireAnswer } from '../wire-answer.js';

/** The salt of the Ollama mock's vectors: `mockEmbedding(input, dimensions, OLLAMA_EMBEDDING_SALT)`. */
export const OLLAMA_EMBEDDING_SALT = 'ollama';

/**
 * Ollama's `/api/embed` answer to a validated request: one unit-length `mockEmbedding` per input
 * (MOCK_EMBEDDING_DIMENSIONS or `dimensions`), floats only, `prompt_eval_count` the inputs' tokens. An
 * empty input (`""` or `[]`) embeds nothing, as Ollama answers: `embeddings: []`.
 */
export function embedAnswer(body: Record<string, unknown>): WireAnswer {
  const input = body['input'];
  const texts = typeof input === 'string' ? (input === '' ? [] : [input]) : Array.isArray(input) ? (input as string[]) : [];
  const dimensions = typeof body['dimensions'] === 'number' && body['dimensions'] > 0 ? body['dimensions'] : MOCK_EMBEDDING_DIMENSIONS;
  return jsonAnswer({
    model: String(body['model']),
    embeddings: texts.map((text) => mockEmbedding(text, dimensions, OLLAMA_EMBEDDING_SALT)),
    total_duration: 14143917,
    load_duration: 1019500,
    prompt_eval_count: texts.reduce((sum, text) => sum + mockEmbeddingTokens(text), 0),
  });
}
