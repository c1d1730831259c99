import { anthropicMessagesCodec } from '@llm-router/anthropic';
import type { ClientCodec, ClientFormat } from '@llm-router/core';
import { openAIChatCodec, openAICompletionsCodec, openAIResponsesCodec } from '@llm-router/openai';

/** The codec of every client-facing format. The app never branches on the format: it asks this table. */
export const CLIENT_CODECS: Readonly<Record<ClientFormat, ClientCodec>> = {
  'openai-chat': openAIChatCodec,
  'openai-completions': openAICompletionsCodec,
  'openai-responses': openAIResponsesCodec,
  'anthropic-messages': anthropicMessagesCodec,
};

export function codecFor(format: ClientFormat): ClientCodec {
  return CLIENT_CODECS[format];
}
