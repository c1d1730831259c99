import { describeSkippedFrame, type IrStreamEvent, type IrUsage, JsonTooDeepError, parseJsonBounded, RouterError, type SseEvent, SseParser, type StreamDecoder, type TranslationContext } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { unreachable } from '../unreachable.js';
import { decodeFinishReason, settleStopReason } from './decode-finish-reason.js';
import { decodeOpenAIUsage } from './decode-openai-usage.js';
import { upstreamError } from './upstream-error.js';

/**
 * One streamed tool call. `open`: its block is the open one and its argument fragments stream as deltas;
 * `held`: interleaved with another call, collected and emitted whole at the finish; `closed`: done.
 */
interface StreamedTool {
  id: string;
  name: string;
  args: string;
  state: 'open' | 'held' | 'closed';
  blockIndex: number;
  /** A late fragment was already reported for this call (one warning per call). */
  warnedLate: boolean;
}

type OpenBlock = { kind: 'text'; index: number } | { kind: 'thinking'; index: number } | { kind: 'tool'; index: number; tool: StreamedTool };

/**
 * An OpenAI chat SSE stream as IR events (§1.6, §5.8 A). One instance per stream; all state lives here.
 *
 * - The first chunk (whatever it holds) gives `start`: its id, model, created, and the prompt estimate as
 *   input usage, because Anthropic clients must not see 0 there (§6 #8). The real count comes at the end.
 * - Choice 0 only. Per delta: `reasoning_content`/`reasoning` (non-standard) -> a thinking block without
 *   signature; `content` (and `refusal`) -> a text block; `tool_calls[]` by `index` -> one tool_call block
 *   per call. A block of another kind closes the open one; block indexes are 0,1,2... in start order.
 * - A call starts with the first fragment of a new `index` (or a new `id` on a known index, for servers
 *   that put every call on index 0), taking id and name from it (`call_<newId>` when the id is missing).
 *   Each non-empty `arguments` fragment is a `tool_args_delta` on that call's block (§6 #1).
 * - Parallel calls streamed one after the other (OpenAI's way) stream live. A call that starts while the
 *   open call's arguments are not yet complete JSON means the upstream interleaves them: that call and
 *   every later one are held and emitted whole (start, one delta, stop) at the finish, while the open
 *   call keeps streaming. Fragments for an already closed call (which only a broken upstream sends after
 *   complete JSON) are dropped with a warning.
 * - `finish_reason` is remembered and closes the open block (held calls are emitted). Usage is recorded
 *   from any chunk that carries it, notably the `choices:[]` chunk (§6 #5, #6); never `choices[0]` blindly.
 * - `[DONE]`, or the end of the body after a finish_reason, gives `finish`: the mapped reason with the tool
 *   overrides, and the upstream usage (cached tokens split out, §6 #7), or an estimate with a warning.
 * - `data: {"error":…}` (or `event: error`) gives `error` (see `upstreamError`); so does a chunk that is
 *   nested too deep, and a body that ends before any finish_reason ("upstream stream ended prematurely"): never a
 *   fabricated success. Nothing follows `finish` or `error`.
 * - A chunk that is not a JSON object (truncated, a proxy's stray text) is skipped and reported to
 *   `context.onSkippedFrame`: never forwarded, never the end of the stream.
 */
export class ChatStreamDecoder implements StreamDecoder {
  private readonly parser: SseParser;
  private started = false;
  private ended = false;
  private nextBlock = 0;
  private open: OpenBlock | undefined;
  /** OpenAI `tool_calls[].index` -> the call streaming under it. */
  private readonly toolsByIndex = new Map<number, StreamedTool>();
  /** Calls held back until the finish, in arrival order. */
  private readonly held: StreamedTool[] = [];
  private sawToolCall = false;
  private finishReason: string | undefined;
  private sawFinishReason = false;
  private usage: IrUsage | undefined;
  /** Characters of output seen, for an output estimate when the upstream reports no usage. */
  private outputChars = 0;
  private warnedOtherChoices = false;

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
    if (this.ended) return events;
    if (this.sawFinishReason) this.finish(events);
    else this.fail(events, new RouterError('api_error', 'openai: upstream stream ended prematurely', { provider: 'openai' }));
    return events;
  }

  private onFrame(frame: SseEvent, events: IrStreamEvent[]): void {
    if (this.ended) return;
    const data = frame.data.trim();
    if (data === '') return;
    if (data === '[DONE]') {
      if (this.started) this.finish(events);
      else this.fail(events, new RouterError('api_error', 'openai: upstream stream ended without an answer', { provider: 'openai' }));
      return;
    }
    let chunk: unknown;
    try {
      chunk = parseJsonBounded(data);
    } catch (error) {
      if (error instanceof JsonTooDeepError) {
        this.fail(events, new RouterError('bad_gateway', `openai: upstream sent a stream chunk refused (${error.message})`, { provider: 'openai' }));
      } else this.context.onSkippedFrame?.(describeSkippedFrame('openai: stream chunk', data));
      return;
    }
    if (frame.event === 'error' || (isRecord(chunk) && chunk['error'] !== undefined && chunk['error'] !== null)) {
      this.fail(events, upstreamError(chunk));
      return;
    }
    if (isRecord(chunk)) this.onChunk(chunk, events);
    else this.context.onSkippedFrame?.(describeSkippedFrame('openai: stream chunk', data));
  }

  private onChunk(chunk: Record<string, unknown>, events: IrStreamEvent[]): void {
    if (!this.started) {
      this.started = true;
      events.push({
        type: 'start',
        id: nonEmpty(chunk['id']) ?? `chatcmpl-${this.context.newId()}`,
        model: nonEmpty(chunk['model']) ?? this.context.upstreamModel,
        created: typeof chunk['created'] === 'number' ? chunk['created'] : 0,
        usage: { inputTokens: this.context.estimatedInputTokens },
      });
    }
    const usage = decodeOpenAIUsage(chunk['usage']);
    if (usage !== undefined) this.usage = usage;
    const choices = Array.isArray(chunk['choices']) ? chunk['choices'] : [];
    for (const choice of choices) {
      if (!isRecord(choice)) continue;
      if ((choice['index'] ?? 0) !== 0) {
        if (!this.warnedOtherChoices) this.context.warnings.push('n: only the first choice of the upstream stream is passed on');
        this.warnedOtherChoices = true;
        continue;
      }
      if (isRecord(choice['delta'])) this.onDelta(choice['delta'], events);
      const finishReason = choice['finish_reason'];
      if (typeof finishReason === 'string') {
        this.finishReason = finishReason;
        this.sawFinishReason = true;
        this.closeAll(events);
      }
    }
  }

  private onDelta(delta: Record<string, unknown>, events: IrStreamEvent[]): void {
    const reasoning = nonEmpty(delta['reasoning_content']) ?? nonEmpty(delta['reasoning']);
    if (reasoning !== undefined) {
      this.outputChars += reasoning.length;
      events.push({ type: 'thinking_delta', index: this.openBlock('thinking', events), text: reasoning });
    }
    for (const text of [nonEmpty(delta['content']), nonEmpty(delta['refusal'])]) {
      if (text === undefined) continue;
      this.outputChars += text.length;
      events.push({ type: 'text_delta', index: this.openBlock('text', events), text });
    }
    const fragments = Array.isArray(delta['tool_calls']) ? delta['tool_calls'] : [];
    for (const fragment of fragments) if (isRecord(fragment)) this.onToolFragment(fragment, events);
  }

  private onToolFragment(fragment: Record<string, unknown>, events: IrStreamEvent[]): void {
    const index = typeof fragment['index'] === 'number' ? fragment['index'] : 0;
    const fn = isRecord(fragment['function']) ? fragment['function'] : {};
    const id = nonEmpty(fragment['id']);
    const name = nonEmpty(fn['name']);
    const args = typeof fn['arguments'] === 'string' ? fn['arguments'] : '';

    let tool = this.toolsByIndex.get(index);
    if (tool === undefined || (id !== undefined && id !== tool.id)) {
      tool = { id: id ?? `call_${this.context.newId()}`, name: name ?? '', args: '', state: 'held', blockIndex: -1, warnedLate: false };
      this.toolsByIndex.set(index, tool);
      this.begin(tool, events);
    } else if (tool.state === 'held' && tool.name === '' && name !== undefined) {
      tool.name = name;
    }
    if (args === '') return;

    switch (tool.state) {
      case 'open':
        tool.args += args;
        this.outputChars += args.length;
        events.push({ type: 'tool_args_delta', index: tool.blockIndex, json: args });
        return;
      case 'held':
        tool.args += args;
        this.outputChars += args.length;
        return;
      case 'closed':
        if (!tool.warnedLate) this.context.warnings.push(`tool_calls[${index}]: upstream sent arguments after the call was complete, dropped`);
        tool.warnedLate = true;
        return;
      default:
        unreachable(tool.state, undefined);
    }
  }

  /** A new call: streamed live, unless calls are already held or the open call is still incomplete. */
  private begin(tool: StreamedTool, events: IrStreamEvent[]): void {
    const open = this.open;
    if (this.held.length > 0 || (open?.kind === 'tool' && !isCompleteJson(open.tool.args))) {
      this.held.push(tool);
      return;
    }
    this.closeOpen(events);
    this.startTool(tool, events);
  }

  private startTool(tool: StreamedTool, events: IrStreamEvent[]): void {
    const index = this.nextBlock++;
    tool.state = 'open';
    tool.blockIndex = index;
    this.open = { kind: 'tool', index, tool };
    this.sawToolCall = true;
    events.push({ type: 'block_start', index, block: { type: 'tool_call', id: tool.id, name: tool.name } });
  }

  /** The index of the open block of `kind`, starting one (and closing the open one) if needed. */
  private openBlock(kind: 'text' | 'thinking', events: IrStreamEvent[]): number {
    if (this.open?.kind === kind) return this.open.index;
    this.closeOpen(events);
    const index = this.nextBlock++;
    this.open = { kind, index };
    events.push({ type: 'block_start', index, block: { type: kind } });
    return index;
  }

  private closeOpen(events: IrStreamEvent[]): void {
    const open = this.open;
    if (open === undefined) return;
    if (open.kind === 'tool') open.tool.state = 'closed';
    events.push({ type: 'block_stop', index: open.index });
    this.open = undefined;
  }

  /** Closes the open block, then emits each held call whole. */
  private closeAll(events: IrStreamEvent[]): void {
    this.closeOpen(events);
    for (const tool of this.held.splice(0)) {
      this.startTool(tool, events);
      if (tool.args !== '') events.push({ type: 'tool_args_delta', index: tool.blockIndex, json: tool.args });
      this.closeOpen(events);
    }
  }

  private finish(events: IrStreamEvent[]): void {
    this.closeAll(events);
    let usage = this.usage;
    if (usage === undefined) {
      this.context.warnings.push('usage: the upstream stream reported none, estimated');
      usage = { inputTokens: this.context.estimatedInputTokens, outputTokens: Math.ceil(this.outputChars / 4) };
    }
    events.push({ type: 'finish', stopReason: settleStopReason(decodeFinishReason(this.finishReason), this.sawToolCall), usage });
    this.ended = true;
  }

  private fail(events: IrStreamEvent[], error: RouterError): void {
    events.push({ type: 'error', error });
    this.ended = true;
  }
}

/** Whether streamed arguments so far are one complete JSON value (`""` is not: a call has at least `{}`). */
function isCompleteJson(text: string): boolean {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
