import type { IrBlockStart, IrStreamEvent, IrUsage, StreamEncoder } from '@llm-router/core';
import type { AnthropicContentBlockStart, AnthropicContentDelta, AnthropicDeltaUsage } from './anthropic-wire-types.js';
import { encodeUsage } from './encode-usage.js';
import { ensureMessageId } from './ensure-message-id.js';
import { formatStreamEvent } from './format-stream-event.js';
import { mapStopReason } from './map-stop-reason.js';
import { streamErrorFrame } from './stream-error-frame.js';

/**
 * IR stream events as Anthropic SSE (docs/protocols.md §3.7, §5.8 A). One instance per response
 * stream; all state lives here.
 *
 * Relies on the IR grammar (start, blocks with indexes 0,1,2… in start order, then one finish or
 * error) and keeps the IR indexes as they are: the SDK uses them as array positions. After `finish`
 * or `error` the stream is over and every further event encodes to '' (nothing may follow an
 * `event: error` or a `message_stop`). A second `start` also encodes to '': the SDK throws on one.
 */
export class MessagesStreamEncoder implements StreamEncoder {
  private started = false;
  private ended = false;
  private sawToolUse = false;

  encode(event: IrStreamEvent): string {
    if (this.ended) return '';
    switch (event.type) {
      case 'start': {
        if (this.started) return '';
        this.started = true;
        // The real input count arrives here or only at the end; a decoder with no count gives an
        // estimate, because 0 here breaks Claude Code's context meter (§6 #8).
        return formatStreamEvent({
          type: 'message_start',
          message: {
            id: ensureMessageId(event.id),
            type: 'message',
            role: 'assistant',
            model: event.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: encodeUsage(event.usage ?? {}),
          },
        });
      }
      case 'block_start':
        if (event.block.type === 'tool_call') this.sawToolUse = true;
        return formatStreamEvent({
          type: 'content_block_start',
          index: event.index,
          content_block: blockStart(event.block),
        });
      case 'text_delta':
        return blockDelta(event.index, { type: 'text_delta', text: event.text });
      case 'tool_args_delta':
        return blockDelta(event.index, { type: 'input_json_delta', partial_json: event.json });
      case 'thinking_delta':
        return blockDelta(event.index, { type: 'thinking_delta', thinking: event.text });
      case 'signature_delta':
        return blockDelta(event.index, { type: 'signature_delta', signature: event.signature });
      case 'block_stop':
        return formatStreamEvent({ type: 'content_block_stop', index: event.index });
      case 'finish': {
        this.ended = true;
        const stopReason = mapStopReason(event.stopReason, this.sawToolUse);
        return (
          formatStreamEvent({
            type: 'message_delta',
            delta: {
              stop_reason: stopReason,
              stop_sequence: stopReason === 'stop_sequence' ? (event.stopSequence ?? null) : null,
            },
            usage: deltaUsage(event.usage),
          }) + formatStreamEvent({ type: 'message_stop' })
        );
      }
      case 'error':
        this.ended = true;
        return streamErrorFrame(event.error);
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  }
}

function blockStart(block: IrBlockStart): AnthropicContentBlockStart {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'tool_call':
      return { type: 'tool_use', id: block.id, name: block.name, input: {} };
    case 'thinking':
      return { type: 'thinking', thinking: '' };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

/**
 * `message_delta.usage`. Its input counters overwrite the snapshot taken from `message_start`, so they
 * are only sent when the final usage knows the prompt size: an unknown (0) count must not wipe out the
 * estimate given at the start.
 */
function deltaUsage(usage: IrUsage): AnthropicDeltaUsage {
  const encoded = encodeUsage(usage);
  return usage.inputTokens > 0 ? encoded : { output_tokens: encoded.output_tokens };
}

/** One `content_block_delta` frame: the block's index and its delta. */
function blockDelta(index: number, delta: AnthropicContentDelta): string {
  return formatStreamEvent({ type: 'content_block_delta', index, delta });
}
