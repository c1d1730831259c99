import type { ClientCodec } from '@llm-router/core';
import { decodeChatRequest } from '../decode/decode-chat-request.js';
import { ChatStreamEncoder } from '../encode/chat-stream-encoder.js';
import { encodeChatCompletion } from '../encode/encode-chat-completion.js';
import { openAIStreamErrorFrame } from '../errors/openai-stream-error-frame.js';
import { renderOpenAIError } from '../errors/render-openai-error.js';
import { inspectChatRequest } from '../inspect/inspect-chat-request.js';
import { isDoneFrame } from '../passthrough/is-done-frame.js';
import { DONE_FRAME } from '../passthrough/done-frame.js';
import { isErrorFrame } from '../passthrough/is-error-frame.js';
import { isFinishFrame } from '../passthrough/is-finish-frame.js';
import { isChatContentFrame } from '../passthrough/is-content-frame.js';
import { isUsageOnlyFrame } from '../passthrough/is-usage-only-frame.js';
import { replaceFrameModel } from '../passthrough/replace-frame-model.js';
import { requestStreamUsage } from '../passthrough/request-stream-usage.js';
import { OPENAI_PROTOCOL_HEADERS } from './openai-protocol-headers.js';

/** The client side of `POST /v1/chat/completions`. Stateless; streams get their own encoder. */
export const openAIChatCodec: ClientCodec = {
  format: 'openai-chat',
  streamContentType: 'text/event-stream; charset=utf-8',
  inspect: inspectChatRequest,
  decodeRequest: decodeChatRequest,
  protocolHeaders: OPENAI_PROTOCOL_HEADERS,
  renderError: renderOpenAIError,
  streamErrorFrame: openAIStreamErrorFrame,
  passthroughFrame: replaceFrameModel,
  isTerminalFrame: isDoneFrame,
  isFinishFrame,
  isContentFrame: isChatContentFrame,
  terminalFrame: DONE_FRAME,
  requestStreamUsage,
  isUsageOnlyFrame,
  isErrorFrame,
  encodeResponse: encodeChatCompletion,
  createStreamEncoder: ({ includeUsage }) => new ChatStreamEncoder(includeUsage),
};
