/** `input` of an embeddings request: text, texts, one token-id array, or several. */
export type EmbeddingsInput = string | string[] | number[] | number[][];

/** How the vectors travel back: JSON numbers, or base64 of little-endian float32 (the official SDKs' default). */
export type EmbeddingEncodingFormat = 'float' | 'base64';

/** A validated `POST /v1/embeddings` request (OpenAI's fields, as the router understood them). */
export interface EmbeddingsRequest {
  model: string;
  input: EmbeddingsInput;
  /** `float` when the client named none (OpenAI's API default; the SDKs send `base64` explicitly). */
  encodingFormat: EmbeddingEncodingFormat;
  dimensions?: number;
  user?: string;
}

/** What a translated upstream answered: one float vector per input, in input order, and the prompt's tokens. */
export interface EmbeddingsResult {
  vectors: number[][];
  inputTokens: number;
}

/** Whether `input` is made of token ids (`number[]` or `number[][]`) rather than text. */
export function isTokenInput(input: EmbeddingsInput): input is number[] | number[][] {
  return Array.isArray(input) && input.length > 0 && typeof input[0] !== 'string';
}

/** How many vectors `input` asks for: one for a string or one token list, one per item of a list of them. */
export function embeddingInputCount(input: EmbeddingsInput): number {
  if (typeof input === 'string') return 1;
  return typeof input[0] === 'number' ? 1 : input.length;
}
