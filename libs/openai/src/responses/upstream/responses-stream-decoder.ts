import { describeSkippedFrame, type IrStreamEvent, JsonTooDeepError, parseJsonBounded, RouterError, type SseEvent, SseParser, type StreamDecoder, type TranslationContext } from '@llm-router/core';
import { headerSafe } from '../../header-safe.js';
import { isRecord } from '../../is-record.js';
import { decodeResponsesStop } from './decode-responses-stop.js';
import { decodeResponsesUsage } from './decode-responses-usage.js';
import { reasoningText } from './decode-responses-output.js';
import { responsesFailure } from './responses-failure.js';

/** The IR block open for one output item. */
interface OpenBlock {
  index: number;
  itemId: string;
  kind: 'text' | 'thinking' | 'tool';
  /** Tool blocks: argument text streamed so far (a `.done` without deltas sends the whole). */
  args: string;
  /** Custom tool calls stream freeform text, sent as `{"input": ...}` JSON when the item is done. */
  custom: boolean;
  /** Thinking blocks: the summary part last streamed (a new one starts after a blank line). */
  summaryIndex: number;
}

/** Event types whose `item_id` carries text of a message. */
const TEXT_DELTAS = new Set(['response.output_text.delta', 'response.refusal.delta']);
/** Event types whose `item_id` carries reasoning (summaries from OpenAI, raw reasoning from open-weight servers). */
const THINKING_DELTAS = new Set(['response.reasoning_summary_text.delta', 'response.reasoning_text.delta']);

/**
 * A Responses API SSE stream (§8.3) as IR events. One instance per stream; all state lives here.
 *
 * - `response.created` (or whatever comes first) gives `start`: the response id, model, `created_at`, and
 *   the prompt estimate as input usage (the real count arrives with the terminal event).
 * - Output items stream one after the other, so each item is at most one IR block, opened at its first
 *   content and closed at its `response.output_item.done` (or when the next item opens): a message's
 *   `output_text`/`refusal` deltas are a text block; a reasoning item's summary (or raw reasoning) deltas
 *   a thinking block without signature, summary parts separated by a blank line; a `function_call` a
 *   tool_call block opened at `output_item.added` with `call_id` and name, its argument deltas streamed
 *   live; a `custom_tool_call` a tool_call block whose `{"input": ...}` arguments are sent whole when
 *   the item is done. An item that arrives complete (`output_item.done` with no deltas before) is sent
 *   whole. Deltas for an item already closed are dropped with a warning.
 * - `response.completed` / `response.incomplete` give `finish`: the stop from status and
 *   `incomplete_details` (tool_use when a call was made), usage with cached and reasoning tokens (or an
 *   estimate, with a warning). `response.failed` and `error` events give `error` (see
 *   `responsesFailure`), as does data nested too deep (bad_gateway) and a body that ends before a
 *   terminal event: never a fabricated success. Data that is not a JSON object is skipped and reported to
 *   `context.onSkippedFrame`. Unknown event types are ignored; nothing follows
 *   `finish` or `error`. Frames longer than `context.maxFrameChars` end the stream (the parser throws a
 *   bad_gateway).
 */
export class ResponsesStreamDecoder implements StreamDecoder {
  private readonly parser: SseParser;
  private started = false;
  private ended = false;
  private nextBlock = 0;
  private open: OpenBlock | undefined;
  /** Items whose block was closed (late deltas for them are dropped). */
  private readonly closed = new Set<string>();
  private warnedLate = false;
  private sawToolCall = false;
  private outputChars = 0;

  constructor(private readonly context: TranslationContext) {
    this.parser = new SseParser({ maxFrameChars: context.maxFrameChars });
  }

  push(chunk: Buffer): IrStreamEvent[] {
    const events: IrStreamEvent[] = [];
    for (const frame of this.parser.push(chunk)) this.onFrame(frame, events);
    return events;
  }

  end(): IrStreamEvent[] {
    const events: IrStreamEvent[] = [];
    // A last frame without its blank line still counts.
    for (const frame of this.parser.push('\n\n')) this.onFrame(frame, events);
    if (!this.ended) this.fail(events, new RouterError('api_error', 'openai: upstream stream ended prematurely', { provider: 'openai' }));
    return events;
  }

  private onFrame(frame: SseEvent, events: IrStreamEvent[]): void {
    if (this.ended) return;
    const data = frame.data.trim();
    if (data === '' || data === '[DONE]') return;
    let event: unknown;
    try {
      event = parseJsonBounded(data);
    } catch (error) {
      if (error instanceof JsonTooDeepError) {
        this.fail(events, new RouterError('bad_gateway', `openai: upstream sent a stream event refused (${error.message})`, { provider: 'openai' }));
      } else this.context.onSkippedFrame?.(describeSkippedFrame(`openai: ${frame.event ?? 'stream'} event`, data));
      return;
    }
    if (!isRecord(event)) {
      this.context.onSkippedFrame?.(describeSkippedFrame(`openai: ${frame.event ?? 'stream'} event`, data));
      return;
    }
    const type = typeof event['type'] === 'string' ? event['type'] : frame.event;
    if (type === 'error') {
      this.fail(events, responsesFailure(event));
      return;
    }
    const response = isRecord(event['response']) ? event['response'] : undefined;
    this.ensureStart(response, events);
    switch (type) {
      case 'response.output_item.added':
        if (isRecord(event['item'])) this.itemAdded(event['item'], events);
        return;
      case 'response.output_item.done':
        if (isRecord(event['item'])) this.itemDone(event['item'], events);
        return;
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
        this.argsDelta(event, events);
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.finish(response ?? {}, events);
        return;
      case 'response.failed':
        this.fail(events, responsesFailure(response?.['error'] ?? response));
        return;
      default:
        if (type !== undefined && TEXT_DELTAS.has(type)) this.contentDelta(event, 'text', events);
        else if (type !== undefined && THINKING_DELTAS.has(type)) this.contentDelta(event, 'thinking', events);
    }
  }

  private ensureStart(response: Record<string, unknown> | undefined, events: IrStreamEvent[]): void {
    if (this.started) return;
    this.started = true;
    events.push({
      type: 'start',
      id: nonEmpty(response?.['id']) ?? `resp_${this.context.newId()}`,
      model: nonEmpty(response?.['model']) ?? this.context.upstreamModel,
      created: typeof response?.['created_at'] === 'number' ? response['created_at'] : 0,
      usage: { inputTokens: this.context.estimatedInputTokens },
    });
  }

  private itemAdded(item: Record<string, unknown>, events: IrStreamEvent[]): void {
    const itemId = nonEmpty(item['id']) ?? `item_${this.context.newId()}`;
    if (this.open?.itemId !== itemId) this.closeOpen(events);
    if (item['type'] !== 'function_call' && item['type'] !== 'custom_tool_call') return;
    const id = nonEmpty(item['call_id']) ?? nonEmpty(item['id']) ?? `call_${this.context.newId()}`;
    this.openBlock(itemId, 'tool', events, { type: 'tool_call', id, name: nonEmpty(item['name']) ?? '' });
    if (this.open !== undefined) this.open.custom = item['type'] === 'custom_tool_call';
  }

  private contentDelta(event: Record<string, unknown>, kind: 'text' | 'thinking', events: IrStreamEvent[]): void {
    const itemId = nonEmpty(event['item_id']) ?? '';
    let text = typeof event['delta'] === 'string' ? event['delta'] : '';
    if (text === '' || this.isLate(itemId)) return;
    if (this.open?.itemId !== itemId || this.open.kind !== kind) this.openBlock(itemId, kind, events, { type: kind });
    const open = this.open as OpenBlock;
    const summaryIndex = typeof event['summary_index'] === 'number' ? event['summary_index'] : open.summaryIndex;
    if (kind === 'thinking' && summaryIndex !== open.summaryIndex) {
      if (open.summaryIndex >= 0) text = `\n\n${text}`;
      open.summaryIndex = summaryIndex;
    }
    this.outputChars += text.length;
    events.push(kind === 'text' ? { type: 'text_delta', index: open.index, text } : { type: 'thinking_delta', index: open.index, text });
  }

  private argsDelta(event: Record<string, unknown>, events: IrStreamEvent[]): void {
    const itemId = nonEmpty(event['item_id']) ?? '';
    const delta = typeof event['delta'] === 'string' ? event['delta'] : '';
    const open = this.open;
    if (delta === '' || this.isLate(itemId) || open?.itemId !== itemId || open.kind !== 'tool') return;
    open.args += delta;
    this.outputChars += delta.length;
    if (!open.custom) events.push({ type: 'tool_args_delta', index: open.index, json: delta });
  }

  /** The item is complete: what was not streamed is sent whole, then its block closes. */
  private itemDone(item: Record<string, unknown>, events: IrStreamEvent[]): void {
    const itemId = nonEmpty(item['id']) ?? '';
    if (this.closed.has(itemId)) return;
    const type = item['type'];
    if (this.open?.itemId !== itemId) {
      // Arrived complete, without deltas (or without `output_item.added`).
      if (type === 'function_call' || type === 'custom_tool_call') this.itemAdded(item, events);
      else if (type === 'message') {
        const text = messageText(item);
        if (text !== '') events.push({ type: 'text_delta', index: this.openBlock(itemId, 'text', events, { type: 'text' }), text });
      } else if (type === 'reasoning') {
        const text = reasoningText(item);
        if (text !== '') events.push({ type: 'thinking_delta', index: this.openBlock(itemId, 'thinking', events, { type: 'thinking' }), text });
      }
    }
    const open = this.open;
    if (open?.itemId === itemId && open.kind === 'tool') {
      // A custom call's `{"input": ...}` is sent by closeOpen, from the complete text when the item has it.
      if (open.custom) {
        if (typeof item['input'] === 'string') open.args = item['input'];
      } else if (open.args === '' && typeof item['arguments'] === 'string' && item['arguments'] !== '') {
        events.push({ type: 'tool_args_delta', index: open.index, json: item['arguments'] });
      }
    }
    if (open?.itemId === itemId) this.closeOpen(events);
    this.closed.add(itemId);
  }

  private openBlock(itemId: string, kind: OpenBlock['kind'], events: IrStreamEvent[], block: Extract<IrStreamEvent, { type: 'block_start' }>['block']): number {
    this.closeOpen(events);
    const index = this.nextBlock++;
    this.open = { index, itemId, kind, args: '', custom: false, summaryIndex: -1 };
    if (kind === 'tool') this.sawToolCall = true;
    events.push({ type: 'block_start', index, block });
    return index;
  }

  private closeOpen(events: IrStreamEvent[]): void {
    const open = this.open;
    if (open === undefined) return;
    if (open.custom) events.push({ type: 'tool_args_delta', index: open.index, json: JSON.stringify({ input: open.args }) });
    events.push({ type: 'block_stop', index: open.index });
    this.closed.add(open.itemId);
    this.open = undefined;
  }

  private isLate(itemId: string): boolean {
    if (!this.closed.has(itemId)) return false;
    if (!this.warnedLate) this.context.warnings.push(`item ${headerSafe(itemId)}: upstream sent content after the item was done, dropped`);
    this.warnedLate = true;
    return true;
  }

  private finish(response: Record<string, unknown>, events: IrStreamEvent[]): void {
    this.closeOpen(events);
    let usage = decodeResponsesUsage(response['usage']);
    if (usage === undefined) {
      this.context.warnings.push('usage: the upstream stream reported none, estimated');
      usage = { inputTokens: this.context.estimatedInputTokens, outputTokens: Math.ceil(this.outputChars / 4) };
    }
    events.push({ type: 'finish', stopReason: decodeResponsesStop(response, this.sawToolCall).reason, usage });
    this.ended = true;
  }

  private fail(events: IrStreamEvent[], error: RouterError): void {
    events.push({ type: 'error', error });
    this.ended = true;
  }
}

function messageText(item: Record<string, unknown>): string {
  const content = Array.isArray(item['content']) ? item['content'] : [];
  return content
    .flatMap((part: unknown) => {
      if (!isRecord(part)) return [];
      const text = part['type'] === 'refusal' ? part['refusal'] : part['text'];
      return typeof text === 'string' && text !== '' ? [text] : [];
    })
    .join('');
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
