import { isRecord, type JsonObject } from '../json-value.js';
import { mockEmbedding, mockEmbeddingTokens, MOCK_EMBEDDING_DIMENSIONS } from '../mock-embedding.js';
import type { RecordedRequest } from '../mock-upstream.js';
import { jsonAnswer, reject, type AnswerPlan, type Rejection } from '../wire-answer.js';
import { openAiErrorBody, problemBody } from './openai-error-body.js';
import { invalidType } from './openai-problem.js';
import { validateEmbeddingsRequest } from './validate-embeddings-request.js';

/** The salt of the OpenAI mock's vectors: `mockEmbedding(input, dimensions, OPENAI_EMBEDDING_SALT)`. */
export const OPENAI_EMBEDDING_SALT = 'openai';

/**
 * `POST /v1/embeddings` on the OpenAI mock (auth already checked): JSON content type and body, the real
 * API's validation, then one `mockEmbedding` per input (MOCK_EMBEDDING_DIMENSIONS or `dimensions`), as
 * floats or, with `encoding_format: "base64"`, as base64 of little-endian float32, as the API encodes them.
 */
export function openAiEmbeddingsRoute(request: RecordedRequest): AnswerPlan | Rejection {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return reject(400, openAiErrorBody(`Invalid Content-Type header (${contentType || 'none'}): this endpoint only accepts application/json.`));
  }
  if (request.body === undefined) return reject(400, openAiErrorBody('We could not parse the JSON body of your request.'));
  if (!isRecord(request.body)) return reject(400, problemBody(invalidType('body', 'an object', request.body)));
  const found = validateEmbeddingsRequest(request.body);
  if (found !== undefined) return reject(400, problemBody(found));
  const answer = jsonAnswer(embeddingsAnswer(request.body));
  return { kind: 'plan', success: answer, midstream: answer, model: String(request.body['model']) };
}

function embeddingsAnswer(body: JsonObject): unknown {
  const input = body['input'] as string | string[] | number[] | number[][];
  const inputs: Array<string | number[]> = typeof input === 'string' ? [input] : typeof input[0] === 'number' ? [input as number[]] : (input as string[] | number[][]);
  const dimensions = typeof body['dimensions'] === 'number' ? body['dimensions'] : MOCK_EMBEDDING_DIMENSIONS;
  const base64 = body['encoding_format'] === 'base64';
  const tokens = inputs.reduce((sum, item) => sum + mockEmbeddingTokens(item), 0);
  return {
    object: 'list',
    data: inputs.map((item, index) => {
      const vector = mockEmbedding(item, dimensions, OPENAI_EMBEDDING_SALT);
      return { object: 'embedding', index, embedding: base64 ? littleEndianFloat32(vector) : vector };
    }),
    model: String(body['model']),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** Written here, not imported from @llm-router/core: the mock must not share the encoder it checks. */
function littleEndianFloat32(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}
