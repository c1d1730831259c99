import type { ClientCodec } from '@llm-router/core';
import { OPENAI_PROTOCOL_HEADERS } from '../../codec/openai-protocol-headers.js';
import { renderOpenAIError } from '../../errors/render-openai-error.js';
import { decodeResponsesRequest } from './decode-responses-request.js';
import { encodeResponsesResponse } from './encode-responses-response.js';
import { inspectResponsesRequest } from './inspect-responses-request.js';
import { replaceResponseModel } from './replace-response-model.js';
import { isResponsesContentFrame, isResponsesErrorFrame, isResponsesFinishFrame, isResponsesTerminalFrame } from './responses-passthrough-frames.js';
import { responsesStreamErrorFrame } from './responses-error-event.js';
import { ResponsesStreamEncoder } from './responses-stream-encoder.js';

/**
 * The client side of `POST /v1/responses` (docs/protocols.md §8). Errors before the stream use the Chat
 * error body and statuses (§8.4). Streams always carry usage (in the terminal event), so there is no
 * `requestStreamUsage`. The finish frame is the terminal frame (`response.completed`/`.incomplete`), so an
 * upstream stream can never end "finished but unterminated": `terminalFrame` is empty.
 */
export const openAIResponsesCodec: ClientCodec = {
  format: 'openai-responses',
  streamContentType: 'text/event-stream; charset=utf-8',
  inspect: inspectResponsesRequest,
  decodeRequest: decodeResponsesRequest,
  protocolHeaders: OPENAI_PROTOCOL_HEADERS,
  renderError: renderOpenAIError,
  streamErrorFrame: responsesStreamErrorFrame,
  passthroughFrame: replaceResponseModel,
  isTerminalFrame: isResponsesTerminalFrame,
  isFinishFrame: isResponsesFinishFrame,
  isContentFrame: isResponsesContentFrame,
  terminalFrame: '',
  isErrorFrame: isResponsesErrorFrame,
  encodeResponse: encodeResponsesResponse,
  createStreamEncoder: ({ request }) => new ResponsesStreamEncoder(request),
};
