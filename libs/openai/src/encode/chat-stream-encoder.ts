import type { IrBlockStart, IrStreamEvent, StreamEncoder } from '@llm-router/core';
import { openAIStreamErrorFrame } from '../errors/openai-stream-error-frame.js';
import { unreachable } from '../unreachable.js';
import type { ChatChunkDelta } from '../wire/chat-completion.js';
import { ChunkEnvelope, DONE_FRAME } from './chunk-envelope.js';
import { encodeUsage } from './encode-usage.js';
import { ensureIdPrefix } from './ensure-id-prefix.js';
import { mapFinishReason } from './map-finish-reason.js';

/**
 * IR stream events -> `chat.completion.chunk` SSE (§1.6, §5.8 B). One instance per response stream.
 *
 * - `start` -> the role chunk `delta:{role:"assistant",content:""}` (the SDK throws `missing role` without it).
 * - A tool_call block -> `tool_calls[{index:n, id, type, function:{name, arguments:""}}]`, n counting tool
 *   blocks only (0,1,...), whatever their IR block index; its args deltas -> `{index:n, function:{arguments}}`.
 * - Thinking, signatures and block stops have no OpenAI shape: nothing.
 * - `finish` -> `delta:{}` + finish_reason, then the usage chunk if asked, then `[DONE]`.
 * - `error` -> the in-band error frame and nothing after it.
 * Events before `start` (a decoder bug) and after the end are ignored.
 */
export class ChatStreamEncoder implements StreamEncoder {
  private envelope: ChunkEnvelope | undefined;
  /** IR block index -> OpenAI tool_calls index. */
  private readonly toolIndexByBlock = new Map<number, number>();
  private ended = false;

  constructor(private readonly includeUsage: boolean) {}

  encode(event: IrStreamEvent): string {
    if (this.ended) return '';
    if (event.type === 'error') {
      this.ended = true;
      return openAIStreamErrorFrame(event.error);
    }
    if (event.type === 'start') {
      if (this.envelope !== undefined) return '';
      const id = ensureIdPrefix(event.id, 'chatcmpl-');
      this.envelope = new ChunkEnvelope('chat.completion.chunk', id, event.created, event.model, this.includeUsage);
      return this.delta({ role: 'assistant', content: '' });
    }
    const envelope = this.envelope;
    if (envelope === undefined) return '';
    switch (event.type) {
      case 'block_start':
        return this.blockStart(event.index, event.block);
      case 'text_delta':
        return event.text === '' ? '' : this.delta({ content: event.text });
      case 'tool_args_delta': {
        const index = this.toolIndexByBlock.get(event.index);
        if (index === undefined || event.json === '') return '';
        return this.delta({ tool_calls: [{ index, function: { arguments: event.json } }] });
      }
      case 'thinking_delta':
      case 'signature_delta':
      case 'block_stop':
        return '';
      case 'finish': {
        this.ended = true;
        const finishReason = mapFinishReason(event.stopReason, this.toolIndexByBlock.size > 0);
        const finish = envelope.chunk({ index: 0, delta: {}, logprobs: null, finish_reason: finishReason });
        const usage = this.includeUsage ? envelope.usageChunk(encodeUsage(event.usage)) : '';
        return finish + usage + DONE_FRAME;
      }
      default:
        return unreachable(event, '');
    }
  }

  private blockStart(blockIndex: number, block: IrBlockStart): string {
    switch (block.type) {
      case 'tool_call': {
        const index = this.toolIndexByBlock.size;
        this.toolIndexByBlock.set(blockIndex, index);
        return this.delta({ tool_calls: [{ index, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] });
      }
      case 'text':
      case 'thinking':
      case 'redacted_thinking':
        return '';
      default:
        return unreachable(block, '');
    }
  }

  private delta(delta: ChatChunkDelta): string {
    return this.envelope === undefined ? '' : this.envelope.chunk({ index: 0, delta, logprobs: null, finish_reason: null });
  }
}
