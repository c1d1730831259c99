import type { IrResponse } from '@llm-router/core';
import type { ChatCompletion, ChatCompletionMessage } from '../wire/chat-completion.js';
import { encodeUsage } from './encode-usage.js';
import { ensureIdPrefix } from './ensure-id-prefix.js';
import { mapFinishReason } from './map-finish-reason.js';
import { splitResponseParts } from './split-response-parts.js';

/**
 * `ClientCodec.encodeResponse` for chat: a `chat.completion` with one choice (§1.4). `content` is null
 * when there is no text, and also when a tool-calling turn has only empty text (§5.4: null, not "").
 */
export function encodeChatCompletion(response: IrResponse): ChatCompletion {
  const { text, toolCalls } = splitResponseParts(response.parts);
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    refusal: null,
  };
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
  }
  return {
    id: ensureIdPrefix(response.id, 'chatcmpl-'),
    object: 'chat.completion',
    created: response.created,
    model: response.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: mapFinishReason(response.stopReason, toolCalls.length > 0) }],
    usage: encodeUsage(response.usage),
  };
}
