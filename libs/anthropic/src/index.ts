// Public API of @llm-router/anthropic.
export { anthropicMessagesCodec } from './anthropic-messages-codec.js';
export { anthropicProvider } from './anthropic-provider.js';
export { anthropicUpstreamCodec, createAnthropicUpstreamCodec, type AnthropicUpstreamCodecOptions } from './anthropic-upstream-codec.js';
export { MessagesStreamEncoder } from './messages-stream-encoder.js';
export { MessagesStreamDecoder } from './messages-stream-decoder.js';
export { encodeUsage } from './encode-usage.js';
export { decodeUsage } from './decode-usage.js';
export { mapStopReason } from './map-stop-reason.js';
export { decodeStopReason } from './decode-stop-reason.js';
export { errorTypeForKind } from './error-type-for-kind.js';
export { kindForErrorType } from './kind-for-error-type.js';
export type * from './anthropic-wire-types.js';
export type * from './anthropic-request-types.js';
