import type { IrResponse } from '@llm-router/core';
import type { AnthropicMessage, AnthropicResponseBlock } from './anthropic-wire-types.js';
import { encodeContentBlock } from './encode-content-block.js';
import { encodeUsage } from './encode-usage.js';
import { ensureMessageId } from './ensure-message-id.js';
import { mapStopReason } from './map-stop-reason.js';

/**
 * A complete IR answer as an Anthropic `message` (docs/protocols.md §3.6). `model` is the IR's, which
 * is the name the client asked for. `stop_sequence` is only set when the turn stopped on one.
 */
export function encodeMessage(response: IrResponse): AnthropicMessage {
  const content: AnthropicResponseBlock[] = [];
  for (const part of response.parts) {
    const block = encodeContentBlock(part);
    if (block !== undefined) content.push(block);
  }
  const stopReason = mapStopReason(
    response.stopReason,
    content.some((block) => block.type === 'tool_use'),
  );
  return {
    id: ensureMessageId(response.id),
    type: 'message',
    role: 'assistant',
    model: response.model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopReason === 'stop_sequence' ? (response.stopSequence ?? null) : null,
    usage: encodeUsage(response.usage),
  };
}
