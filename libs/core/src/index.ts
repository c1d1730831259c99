// Public API of @llm-router/core: the neutral IR, the contracts between libs, errors and stream framing.
// No Nest, no HTTP client, no config: every other lib may import this one.
export { CLIENT_FORMATS, clientFormatForPath, type ClientFormat } from './client-format.js';
export { kindForStatus, STATUS_FOR_KIND, type ErrorKind } from './errors/error-kind.js';
export { RouterError, type RouterErrorOptions } from './errors/router-error.js';
export { asRouterError } from './errors/as-router-error.js';
export { ConfigValidationError, formatConfigProblem, type ConfigProblem } from './errors/config-validation-error.js';
export { parseRetryAfterMs } from './http/parse-retry-after.js';
export { connectionListedHeaders, CREDENTIAL_HEADERS, HOP_BY_HOP_HEADERS, toHeaderMap, type HeaderMap } from './http/header-map.js';
export { formatSseEvent, type SseEvent } from './framing/sse-frame.js';
export { SseParser, type SseParserOptions } from './framing/sse-parser.js';
export { NdjsonParser, type NdjsonParserOptions } from './framing/ndjson-parser.js';
export { DEFAULT_MAX_FRAME_CHARS } from './framing/max-frame-chars.js';
export { describeSkippedFrame, isJsonObjectText } from './framing/skipped-frame.js';
export { JsonTooDeepError, jsonTextTooDeep, jsonValueTooDeep, MAX_JSON_DEPTH, parseJsonBounded } from './json/json-depth.js';
export type * from './ir/ir-content.js';
export type * from './ir/ir-request.js';
export type * from './ir/ir-response.js';
export type * from './ir/ir-stream-event.js';
export type * from './contracts/client-codec.js';
export type * from './contracts/upstream.js';
export type * from './contracts/provider-adapter.js';
export type * from './contracts/translation.js';
export type * from './contracts/embeddings-dialect.js';
export { embeddingInputCount, isTokenInput, type EmbeddingEncodingFormat, type EmbeddingsInput, type EmbeddingsRequest, type EmbeddingsResult } from './embeddings/embeddings-request.js';
export { MAX_EMBEDDING_INPUTS, readEmbeddingsRequest } from './embeddings/read-embeddings-request.js';
export { float32Base64, float32FromBase64 } from './embeddings/float32-base64.js';
export { embeddingsList, type EmbeddingsList } from './embeddings/embeddings-list.js';
