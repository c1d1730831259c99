import type { UpstreamCodec } from '@llm-router/core';
import { ChatStreamDecoder } from './chat-stream-decoder.js';
import { decodeChatCompletion } from './decode-chat-completion.js';
import { encodeChatRequest } from './encode-chat-request.js';

/** Chat completions, relative to the model's endpoint, which already includes `/v1`. */
export const CHAT_COMPLETIONS_PATH = '/chat/completions';

/**
 * The OpenAI(-compatible) upstream for requests translated from another family: every translated
 * request goes to chat completions (a legacy completion as its one user turn). Pure; one stream
 * decoder per stream.
 */
export const openAIUpstreamCodec: UpstreamCodec = {
  encodeRequest: (request, context) => ({ path: CHAT_COMPLETIONS_PATH, body: encodeChatRequest(request, context) }),
  decodeResponse: decodeChatCompletion,
  createStreamDecoder: (context) => new ChatStreamDecoder(context),
};
