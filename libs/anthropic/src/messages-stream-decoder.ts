import { describeSkippedFrame, JsonTooDeepError, parseJsonBounded, RouterError, SseParser, type IrStreamEvent, type SseEvent, type StreamDecoder, type TranslationContext } from '@llm-router/core';
import { decodeStopReason } from './decode-stop-reason.js';
import { decodeStreamError } from './decode-stream-error.js';
import { irUsageOf, readUsageCounters, type UsageCounters } from './decode-usage.js';
import { isRecord } from './read-request-field.js';

/** What became of an upstream content block: its IR index, or nothing (a block the IR has no place for). */
type BlockFate = { irIndex: number } | 'skipped';

/**
 * An Anthropic SSE stream (docs/protocols.md §3.7) as IR events. One instance per response stream; all
 * state lives here.
 *
 * - message_start → start (usage: input + cache counts); ping → nothing.
 * - text, tool_use, thinking and redacted_thinking blocks → block events. Server-tool and unknown
 *   blocks are skipped (with a warning) and the IR indexes renumbered so they stay 0,1,2…; so are
 *   `citations_delta` and unknown deltas. Empty deltas (the usual first `partial_json: ""`) are skipped.
 * - message_delta → remembered (stop reason; usage counters merged field by field, cumulative).
 * - message_stop → block_stop for any block left open, then finish. Nothing is decoded after it.
 * - `event: error` → an `error` event (kind from `error.type`); a frame nested too deep, an event before
 *   message_start, a second message_start, or the body ending before message_stop → an `error` too,
 *   never a made-up success. A frame whose data is not a JSON object is skipped and reported to
 *   `context.onSkippedFrame`.
 */
export class MessagesStreamDecoder implements StreamDecoder {
  private readonly parser: SseParser;
  private started = false;
  private ended = false;
  private readonly blocks = new Map<number, BlockFate>();
  private readonly open: number[] = [];
  private nextIndex = 0;
  private counters: UsageCounters = {};
  private stopReason: unknown = undefined;
  private stopSequence: unknown = undefined;

  constructor(
    private readonly context: TranslationContext,
    private readonly nowSeconds: () => number,
  ) {
    this.parser = new SseParser({ maxFrameChars: context.maxFrameChars });
  }

  push(chunk: Buffer): IrStreamEvent[] {
    if (this.ended) return [];
    return this.decodeFrames(this.parser.push(chunk));
  }

  end(): IrStreamEvent[] {
    if (this.ended) return [];
    // A last frame without its blank line is still read: some servers end the body right after it.
    const events = this.decodeFrames(this.parser.push('\n\n'));
    if (this.ended) return events;
    // After a message_delta with its stop reason the answer is whole: a missing message_stop is only the
    // terminator, so finish (as passthrough does). Before it, the answer was cut.
    if (this.stopReason !== undefined) return [...events, ...this.finish()];
    return [...events, this.fail(new RouterError('api_error', 'upstream stream ended prematurely', { provider: 'anthropic', retryable: true }))];
  }

  private decodeFrames(frames: SseEvent[]): IrStreamEvent[] {
    const events: IrStreamEvent[] = [];
    for (const frame of frames) {
      if (this.ended) break;
      events.push(...this.decodeFrame(frame));
    }
    return events;
  }

  private decodeFrame(frame: SseEvent): IrStreamEvent[] {
    let data: unknown;
    try {
      // Bounded: a block's `input` is re-serialised below, and a deep one would overflow the stack.
      data = parseJsonBounded(frame.data);
    } catch (error) {
      if (error instanceof JsonTooDeepError) return [this.fail(protocolError(`unreadable ${frame.event ?? 'unnamed'} event (${error.message})`))];
      return this.skip(frame);
    }
    if (!isRecord(data)) return this.skip(frame);
    const type = typeof data['type'] === 'string' ? data['type'] : frame.event;
    if (type === 'error') return [this.fail(decodeStreamError(data))];
    if (type === 'ping') return [];
    if (type === 'message_start') return this.start(data);
    if (!this.started) return [this.fail(protocolError(`${String(type)} before message_start`))];
    switch (type) {
      case 'content_block_start':
        return this.blockStart(data);
      case 'content_block_delta':
        return this.blockDelta(data);
      case 'content_block_stop':
        return this.blockStop(data);
      case 'message_delta':
        this.messageDelta(data);
        return [];
      case 'message_stop':
        return this.finish();
      default:
        return []; // a future event type: nothing the IR can carry
    }
  }

  private start(data: Record<string, unknown>): IrStreamEvent[] {
    if (this.started) return [this.fail(protocolError('a second message_start'))];
    this.started = true;
    const message = isRecord(data['message']) ? data['message'] : {};
    this.counters = readUsageCounters(message['usage']);
    return [
      {
        type: 'start',
        id: typeof message['id'] === 'string' ? message['id'] : `msg_${this.context.newId()}`,
        model: typeof message['model'] === 'string' ? message['model'] : this.context.upstreamModel,
        created: this.nowSeconds(),
        usage: irUsageOf(this.counters),
      },
    ];
  }

  private blockStart(data: Record<string, unknown>): IrStreamEvent[] {
    const upstreamIndex = data['index'];
    const block = data['content_block'];
    if (typeof upstreamIndex !== 'number' || !isRecord(block)) return [this.fail(protocolError('unreadable content_block_start'))];
    const index = this.nextIndex;
    switch (block['type']) {
      case 'text': {
        this.openBlock(upstreamIndex, index);
        const text = stringOf(block['text']);
        return [{ type: 'block_start', index, block: { type: 'text' } }, ...(text === '' ? [] : [{ type: 'text_delta' as const, index, text }])];
      }
      case 'tool_use': {
        this.openBlock(upstreamIndex, index);
        const input = block['input'];
        const json = isRecord(input) && Object.keys(input).length > 0 ? JSON.stringify(input) : '';
        return [
          { type: 'block_start', index, block: { type: 'tool_call', id: stringOf(block['id']), name: stringOf(block['name']) } },
          ...(json === '' ? [] : [{ type: 'tool_args_delta' as const, index, json }]),
        ];
      }
      case 'thinking': {
        this.openBlock(upstreamIndex, index);
        const text = stringOf(block['thinking']);
        const signature = stringOf(block['signature']);
        return [
          { type: 'block_start', index, block: { type: 'thinking' } },
          ...(text === '' ? [] : [{ type: 'thinking_delta' as const, index, text }]),
          ...(signature === '' ? [] : [{ type: 'signature_delta' as const, index, signature }]),
        ];
      }
      case 'redacted_thinking':
        this.openBlock(upstreamIndex, index);
        return [{ type: 'block_start', index, block: { type: 'redacted_thinking', data: stringOf(block['data']) } }];
      default:
        this.blocks.set(upstreamIndex, 'skipped');
        this.context.warnings.push(`content[${upstreamIndex}]: ${JSON.stringify(block['type'] ?? null)} block from anthropic dropped`);
        return [];
    }
  }

  private blockDelta(data: Record<string, unknown>): IrStreamEvent[] {
    const index = this.irIndexOf(data['index']);
    const delta = data['delta'];
    // Only an open block takes deltas: the IR grammar has none after block_stop.
    if (index === undefined || !this.open.includes(index) || !isRecord(delta)) return [];
    switch (delta['type']) {
      case 'text_delta': {
        const text = stringOf(delta['text']);
        return text === '' ? [] : [{ type: 'text_delta', index, text }];
      }
      case 'input_json_delta': {
        const json = stringOf(delta['partial_json']);
        return json === '' ? [] : [{ type: 'tool_args_delta', index, json }];
      }
      case 'thinking_delta': {
        const text = stringOf(delta['thinking']);
        return text === '' ? [] : [{ type: 'thinking_delta', index, text }];
      }
      case 'signature_delta': {
        const signature = stringOf(delta['signature']);
        return signature === '' ? [] : [{ type: 'signature_delta', index, signature }];
      }
      default:
        return []; // citations_delta and future delta types
    }
  }

  private blockStop(data: Record<string, unknown>): IrStreamEvent[] {
    const index = this.irIndexOf(data['index']);
    const position = index === undefined ? -1 : this.open.indexOf(index);
    if (index === undefined || position === -1) return [];
    this.open.splice(position, 1);
    return [{ type: 'block_stop', index }];
  }

  private messageDelta(data: Record<string, unknown>): void {
    const delta = data['delta'];
    if (isRecord(delta)) {
      if (delta['stop_reason'] !== undefined && delta['stop_reason'] !== null) this.stopReason = delta['stop_reason'];
      if (delta['stop_sequence'] !== undefined) this.stopSequence = delta['stop_sequence'];
    }
    this.counters = { ...this.counters, ...readUsageCounters(data['usage']) };
  }

  private finish(): IrStreamEvent[] {
    this.ended = true;
    const stops = this.open.splice(0).map((index): IrStreamEvent => ({ type: 'block_stop', index }));
    const usage = irUsageOf(this.counters);
    const { stopReason } = decodeStopReason(this.stopReason);
    return [
      ...stops,
      {
        type: 'finish',
        stopReason,
        ...(typeof this.stopSequence === 'string' ? { stopSequence: this.stopSequence } : {}),
        usage: { ...usage, inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 },
      },
    ];
  }

  private openBlock(upstreamIndex: number, irIndex: number): void {
    this.blocks.set(upstreamIndex, { irIndex });
    this.open.push(irIndex);
    this.nextIndex++;
  }

  private irIndexOf(upstreamIndex: unknown): number | undefined {
    if (typeof upstreamIndex !== 'number') return undefined;
    const fate = this.blocks.get(upstreamIndex);
    return fate === undefined || fate === 'skipped' ? undefined : fate.irIndex;
  }

  /** A frame whose data is not a JSON object: skipped and reported, the stream goes on. */
  private skip(frame: SseEvent): IrStreamEvent[] {
    this.context.onSkippedFrame?.(describeSkippedFrame(`anthropic: ${frame.event ?? 'unnamed'} event`, frame.data));
    return [];
  }

  private fail(error: RouterError): IrStreamEvent {
    this.ended = true;
    return { type: 'error', error };
  }
}

function protocolError(what: string): RouterError {
  return new RouterError('bad_gateway', `anthropic upstream stream broke protocol: ${what}`, { provider: 'anthropic' });
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
