import type { IrStreamEvent, StreamEncoder } from '@llm-router/core';
import { openAIStreamErrorFrame } from '../errors/openai-stream-error-frame.js';
import { unreachable } from '../unreachable.js';
import { ChunkEnvelope, DONE_FRAME } from './chunk-envelope.js';
import { encodeUsage } from './encode-usage.js';
import { ensureIdPrefix } from './ensure-id-prefix.js';
import { mapCompletionFinishReason } from './map-completion-finish-reason.js';

/**
 * IR stream events -> legacy `text_completion` SSE chunks (§2, §5.8 E). One instance per response stream.
 * Every chunk has the same shape: `choices:[{text, index:0, logprobs:null, finish_reason}]`; text deltas
 * carry `finish_reason:null`, `finish` sends an empty-text chunk with the reason, then the usage chunk
 * if asked, then `[DONE]`. `start` sends nothing (legacy streams have no role chunk). Only text reaches
 * the client: no tools are ever sent on this route. Events before `start` and after the end are ignored.
 */
export class CompletionsStreamEncoder implements StreamEncoder {
  private envelope: ChunkEnvelope | undefined;
  private ended = false;

  constructor(private readonly includeUsage: boolean) {}

  encode(event: IrStreamEvent): string {
    if (this.ended) return '';
    if (event.type === 'error') {
      this.ended = true;
      return openAIStreamErrorFrame(event.error);
    }
    if (event.type === 'start') {
      if (this.envelope === undefined) {
        const id = ensureIdPrefix(event.id, 'cmpl-');
        this.envelope = new ChunkEnvelope('text_completion', id, event.created, event.model, this.includeUsage);
      }
      return '';
    }
    const envelope = this.envelope;
    if (envelope === undefined) return '';
    switch (event.type) {
      case 'text_delta':
        return event.text === '' ? '' : envelope.chunk({ text: event.text, index: 0, logprobs: null, finish_reason: null });
      case 'block_start':
      case 'tool_args_delta':
      case 'thinking_delta':
      case 'signature_delta':
      case 'block_stop':
        return '';
      case 'finish': {
        this.ended = true;
        const finishReason = mapCompletionFinishReason(event.stopReason);
        const finish = envelope.chunk({ text: '', index: 0, logprobs: null, finish_reason: finishReason });
        const usage = this.includeUsage ? envelope.usageChunk(encodeUsage(event.usage)) : '';
        return finish + usage + DONE_FRAME;
      }
      default:
        return unreachable(event, '');
    }
  }
}
