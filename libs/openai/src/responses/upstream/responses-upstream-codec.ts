import type { UpstreamCodec } from '@llm-router/core';
import { decodeResponsesResponse } from './decode-responses-response.js';
import { encodeResponsesRequest } from './encode-responses-request.js';
import { ResponsesStreamDecoder } from './responses-stream-decoder.js';

/** The Responses API, relative to the model's endpoint, which already includes `/v1`. */
export const RESPONSES_PATH = '/responses';

/**
 * The OpenAI upstream in its Responses dialect (`api: responses` in a model's config): every translated
 * request (chat, legacy completions, Anthropic messages) goes to `/responses`, stateless (`store:
 * false`). Pure; one stream decoder per stream.
 */
export const openAIResponsesUpstreamCodec: UpstreamCodec = {
  encodeRequest: (request, context) => ({ path: RESPONSES_PATH, body: { ...encodeResponsesRequest(request, context) } }),
  decodeResponse: decodeResponsesResponse,
  createStreamDecoder: (context) => new ResponsesStreamDecoder(context),
};
