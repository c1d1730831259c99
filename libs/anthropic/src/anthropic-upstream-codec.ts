import type { UpstreamCodec } from '@llm-router/core';
import { decodeMessage } from './decode-message.js';
import { encodeMessagesRequest } from './encode-messages-request.js';
import { MessagesStreamDecoder } from './messages-stream-decoder.js';

export interface AnthropicUpstreamCodecOptions {
  /**
   * The clock behind `created` (Unix ms, like `Date.now`): Anthropic answers carry no timestamp, so the
   * decoders stamp the time of decoding. Injected so specs stay deterministic.
   */
  now?: () => number;
}

/**
 * Anthropic as an upstream for the other families' clients (docs/protocols.md §5): IR requests to
 * `POST /v1/messages` bodies, and Anthropic messages and SSE streams back to IR.
 */
export function createAnthropicUpstreamCodec(options: AnthropicUpstreamCodecOptions = {}): UpstreamCodec {
  const now = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(now() / 1000);
  return Object.freeze({
    encodeRequest: encodeMessagesRequest,
    decodeResponse: (body, context) => decodeMessage(body, context, nowSeconds()),
    createStreamDecoder: (context) => new MessagesStreamDecoder(context, nowSeconds),
  } satisfies UpstreamCodec);
}

/** The codec with the real clock, as `anthropicProvider.translation`. */
export const anthropicUpstreamCodec: UpstreamCodec = createAnthropicUpstreamCodec();
