import type { ClientCodec } from '@llm-router/core';
import { decodeMessagesRequest } from './decode-messages-request.js';
import { encodeMessage } from './encode-message.js';
import { inspectMessagesRequest } from './inspect-messages-request.js';
import { isContentFrame } from './is-content-frame.js';
import { isFinishFrame } from './is-finish-frame.js';
import { isErrorFrame, isTerminalFrame, MESSAGE_STOP_FRAME } from './is-terminal-frame.js';
import { MessagesStreamEncoder } from './messages-stream-encoder.js';
import { passthroughFrame } from './passthrough-frame.js';
import { renderAnthropicError } from './render-anthropic-error.js';
import { streamErrorFrame } from './stream-error-frame.js';

/** The client side of `POST /v1/messages`: routing checks, errors, responses and streams. */
export const anthropicMessagesCodec: ClientCodec = Object.freeze({
  format: 'anthropic-messages',
  streamContentType: 'text/event-stream; charset=utf-8',
  inspect: inspectMessagesRequest,
  decodeRequest: decodeMessagesRequest,
  // anthropic-version, anthropic-beta…: meaningless (or harmful) to another family's upstream.
  protocolHeaders: /^anthropic-/i,
  renderError: renderAnthropicError,
  streamErrorFrame,
  passthroughFrame,
  isTerminalFrame,
  isFinishFrame,
  isContentFrame,
  terminalFrame: MESSAGE_STOP_FRAME,
  isErrorFrame,
  encodeResponse: encodeMessage,
  // Anthropic streams always carry usage, so StreamEncoderOptions.includeUsage has nothing to change.
  createStreamEncoder: () => new MessagesStreamEncoder(),
});
