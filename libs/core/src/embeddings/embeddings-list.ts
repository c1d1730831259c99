import type { EmbeddingEncodingFormat, EmbeddingsResult } from './embeddings-request.js';
import { float32Base64 } from './float32-base64.js';

/** OpenAI's embeddings answer. */
export interface EmbeddingsList {
  object: 'list';
  data: Array<{ object: 'embedding'; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/**
 * A translated upstream's vectors in OpenAI's list shape, named with the client's model, each vector as
 * floats or as base64 of little-endian float32, as the client asked. With `float` the values are those the
 * upstream sent (not rounded to float32, as OpenAI's own float answers are not either).
 */
export function embeddingsList(result: EmbeddingsResult, clientModel: string, encodingFormat: EmbeddingEncodingFormat): EmbeddingsList {
  return {
    object: 'list',
    data: result.vectors.map((vector, index) => ({ object: 'embedding', index, embedding: encodingFormat === 'base64' ? float32Base64(vector) : vector })),
    model: clientModel,
    usage: { prompt_tokens: result.inputTokens, total_tokens: result.inputTokens },
  };
}
