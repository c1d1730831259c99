import { describeSkippedFrame, type IrStreamEvent, JsonTooDeepError, NdjsonParser, parseJsonBounded, type RouterError, type StreamDecoder, type TranslationContext } from '@llm-router/core';
import { ollamaError } from '../errors/ollama-error.js';
import { mapDoneReason } from './map-done-reason.js';
import { type OllamaChunk, readOllamaChunk } from './ollama-chunk.js';
import { readCreated } from './read-created.js';
import { isToolCallProblem, readToolCall } from './read-tool-call.js';
import { readUsage } from './read-usage.js';

/** The text or thinking block currently open; tool call blocks never stay open. */
interface OpenBlock {
  kind: 'text' | 'thinking';
  index: number;
}

/** Everything one stream remembers between chunks. */
interface StreamState {
  readonly lines: NdjsonParser;
  /** `ended` after `finish` or `error`: later lines are ignored. */
  phase: 'before_start' | 'streaming' | 'ended';
  open: OpenBlock | undefined;
  nextIndex: number;
  /** A tool call on any line makes the turn `tool_use` (unless cut by `length`), §6 #3. */
  sawToolCall: boolean;
  readonly toolCallIds: Set<string>;
}

/**
 * Ollama NDJSON (`/api/chat` or `/api/generate`, streamed) as IR stream events (§5.8 C/D). Lines split
 * across chunks are held by core's NdjsonParser.
 * - The first line starts the answer: `start` with id `ollama-` + newId(), the upstream model, `created`
 *   from `created_at`, and the estimated input tokens (the real count arrives only on the last line).
 * - `thinking` opens a thinking block, `content`/`response` a text block; switching closes the open one.
 * - Each tool call closes the open block and becomes a whole block of its own: `block_start`, ONE
 *   `tool_args_delta` with the arguments as JSON, `block_stop` (Ollama never splits arguments).
 * - `done: true` closes the open block and emits `finish` with the §5.6 reason and the real usage.
 * - An `{"error"}` line becomes an `error` event (api_error); a line nested too deep or holding a
 *   malformed tool call, or an end without a `done` line, an `error` event (bad_gateway). Nothing follows.
 *   A line that is not a JSON object is skipped and reported to `context.onSkippedFrame`.
 */
export class OllamaStreamDecoder implements StreamDecoder {
  private readonly state: StreamState;

  constructor(private readonly context: TranslationContext) {
    this.state = {
      lines: new NdjsonParser({ maxLineChars: context.maxFrameChars }),
      phase: 'before_start',
      open: undefined,
      nextIndex: 0,
      sawToolCall: false,
      toolCallIds: new Set(),
    };
  }

  push(chunk: Buffer): IrStreamEvent[] {
    return this.decodeLines(this.state.lines.push(chunk));
  }

  end(): IrStreamEvent[] {
    const events = this.decodeLines(this.state.lines.end());
    if (this.state.phase !== 'ended') events.push(this.fail(ollamaError('bad_gateway', 'upstream stream ended prematurely (no done line)')));
    return events;
  }

  private decodeLines(lines: string[]): IrStreamEvent[] {
    const events: IrStreamEvent[] = [];
    for (const line of lines) {
      if (this.state.phase === 'ended') break;
      this.decodeLine(line, events);
    }
    return events;
  }

  private decodeLine(line: string, events: IrStreamEvent[]): void {
    const value = parseJson(line);
    if (value instanceof JsonTooDeepError) {
      events.push(this.fail(ollamaError('bad_gateway', `NDJSON line from upstream refused: ${value.message}`)));
      return;
    }
    const chunk = readOllamaChunk(value);
    if (chunk === undefined) {
      this.context.onSkippedFrame?.(describeSkippedFrame('ollama: NDJSON line', line));
      return;
    }
    if (chunk.error !== undefined) {
      events.push(this.fail(ollamaError('api_error', chunk.error)));
      return;
    }
    if (this.state.phase === 'before_start') {
      this.state.phase = 'streaming';
      events.push({
        type: 'start',
        id: `ollama-${this.context.newId()}`,
        model: this.context.upstreamModel,
        created: readCreated(chunk.createdAt),
        usage: { inputTokens: this.context.estimatedInputTokens },
      });
    }
    if (chunk.thinking !== '') {
      const index = this.ensureOpen('thinking', events);
      events.push({ type: 'thinking_delta', index, text: chunk.thinking });
    }
    if (chunk.content !== '') {
      const index = this.ensureOpen('text', events);
      events.push({ type: 'text_delta', index, text: chunk.content });
    }
    for (const raw of chunk.toolCalls) {
      const call = readToolCall(raw, () => this.context.newId(), this.state.toolCallIds);
      if (isToolCallProblem(call)) {
        events.push(this.fail(ollamaError('bad_gateway', call.problem)));
        return;
      }
      this.closeOpen(events);
      const index = this.state.nextIndex++;
      this.state.sawToolCall = true;
      events.push(
        { type: 'block_start', index, block: { type: 'tool_call', id: call.id, name: call.name } },
        { type: 'tool_args_delta', index, json: JSON.stringify(call.arguments) },
        { type: 'block_stop', index },
      );
    }
    if (chunk.done) this.finish(chunk, events);
  }

  /** The index of an open block of `kind`, starting one (and closing another kind) when needed. */
  private ensureOpen(kind: OpenBlock['kind'], events: IrStreamEvent[]): number {
    if (this.state.open?.kind === kind) return this.state.open.index;
    this.closeOpen(events);
    const index = this.state.nextIndex++;
    this.state.open = { kind, index };
    events.push({ type: 'block_start', index, block: { type: kind } });
    return index;
  }

  private closeOpen(events: IrStreamEvent[]): void {
    if (this.state.open === undefined) return;
    events.push({ type: 'block_stop', index: this.state.open.index });
    this.state.open = undefined;
  }

  private finish(chunk: OllamaChunk, events: IrStreamEvent[]): void {
    this.closeOpen(events);
    this.state.phase = 'ended';
    events.push({ type: 'finish', stopReason: mapDoneReason(chunk.doneReason, this.state.sawToolCall), usage: readUsage(chunk) });
  }

  private fail(error: RouterError): IrStreamEvent {
    this.state.phase = 'ended';
    return { type: 'error', error };
  }
}

/** The line's value; undefined when it is not JSON; the error when it nests too deep (tool arguments are re-serialised). */
function parseJson(line: string): unknown {
  try {
    return parseJsonBounded(line);
  } catch (error) {
    return error instanceof JsonTooDeepError ? error : undefined;
  }
}
