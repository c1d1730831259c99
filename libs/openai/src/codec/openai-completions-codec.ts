import type { ClientCodec } from '@llm-router/core';
import { decodeCompletionsRequest } from '../decode/decode-completions-request.js';
import { CompletionsStreamEncoder } from '../encode/completions-stream-encoder.js';
import { encodeTextCompletion } from '../encode/encode-text-completion.js';
import { openAIStreamErrorFrame } from '../errors/openai-stream-error-frame.js';
import { renderOpenAIError } from '../errors/render-openai-error.js';
import { inspectCompletionsRequest } from '../inspect/inspect-completions-request.js';
import { isDoneFrame } from '../passthrough/is-done-frame.js';
import { DONE_FRAME } from '../passthrough/done-frame.js';
import { isErrorFrame } from '../passthrough/is-error-frame.js';
import { isFinishFrame } from '../passthrough/is-finish-frame.js';
import { isCompletionsContentFrame } from '../passthrough/is-content-frame.js';
import { isUsageOnlyFrame } from '../passthrough/is-usage-only-frame.js';
import { replaceFrameModel } from '../passthrough/replace-frame-model.js';
import { requestStreamUsage } from '../passthrough/request-stream-usage.js';
import { OPENAI_PROTOCOL_HEADERS } from './openai-protocol-headers.js';

/** The client side of legacy `POST /v1/completions`: same errors, framing, passthrough and protocol headers as chat. */
export const openAICompletionsCodec: ClientCodec = {
  format: 'openai-completions',
  streamContentType: 'text/event-stream; charset=utf-8',
  inspect: inspectCompletionsRequest,
  decodeRequest: decodeCompletionsRequest,
  protocolHeaders: OPENAI_PROTOCOL_HEADERS,
  renderError: renderOpenAIError,
  streamErrorFrame: openAIStreamErrorFrame,
  passthroughFrame: replaceFrameModel,
  isTerminalFrame: isDoneFrame,
  isFinishFrame,
  isContentFrame: isCompletionsContentFrame,
  terminalFrame: DONE_FRAME,
  requestStreamUsage,
  isUsageOnlyFrame,
  isErrorFrame,
  encodeResponse: encodeTextCompletion,
  createStreamEncoder: ({ includeUsage }) => new CompletionsStreamEncoder(includeUsage),
};
