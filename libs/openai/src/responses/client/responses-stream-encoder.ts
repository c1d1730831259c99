import { formatSseEvent, type IrBlockStart, type IrRequest, type IrStreamEvent, type RouterError, type StreamEncoder } from '@llm-router/core';
import { openAIErrorBody } from '../../errors/openai-error-body.js';
import { customToolInput, customToolNames } from './custom-tool-input.js';
import { responsesErrorEvent } from './responses-error-event.js';
import { ResponsesIds } from './responses-ids.js';
import { encodeResponsesUsage, responsesEnding, responsesObject } from './responses-object.js';
import type { ResponsesObject, ResponsesOutputItem } from './responses-wire.js';

/** One open output item: the IR block it came from and what its done events repeat. */
interface OpenItem {
  outputIndex: number;
  item: ResponsesOutputItem;
  /** Text, argument JSON or summary text so far. */
  buffer: string;
  /** A thinking block's reasoning item opened a summary part (redacted thinking has none). */
  summaryPart: boolean;
}

/**
 * IR stream events -> the Responses SSE stream (§8.3). One instance per response stream. Every event has an
 * `event:` line naming its `type` and a `sequence_number` counting from 0.
 *
 * - `start` -> `response.created` and `response.in_progress` (status in_progress, no output yet).
 * - A text block -> a `message` item: `output_item.added`, `content_part.added` (output_text), one
 *   `output_text.delta` per IR delta, then at block_stop `output_text.done`, `content_part.done`,
 *   `output_item.done` with the complete item.
 * - A tool_call block -> a `function_call` item with `function_call_arguments.delta`s and `.done`; for a
 *   tool the request declared `custom` (StreamEncoderOptions.request, IrTool.custom) a `custom_tool_call`
 *   item instead: its argument JSON is buffered until block_stop (the freeform text is one JSON string
 *   value, not usable before it is complete), then ONE `custom_tool_call_input.delta` with the whole
 *   unwrapped input and `custom_tool_call_input.done`.
 * - A thinking block -> a `reasoning` item with one summary part: `reasoning_summary_part.added`,
 *   `reasoning_summary_text.delta`s, `.done`, `reasoning_summary_part.done`; signatures are dropped. Redacted
 *   thinking -> a `reasoning` item with no summary, added and done at once.
 * - `finish` -> `response.completed`, or `response.incomplete` (token limit, content filter), carrying the
 *   whole response: every item as its done event showed it, and the usage.
 * - `error` -> `response.failed` (the response with status failed and `error`), then the `error` event
 *   (responsesErrorEvent: the one the official SDK throws on); nothing after it.
 * Items keep one id from added to done (ResponsesIds); `output_index` counts items in order. Events before
 * `start` and after the end are ignored.
 */
export class ResponsesStreamEncoder implements StreamEncoder {
  private sequence = 0;
  private ids: ResponsesIds | undefined;
  private createdAt = 0;
  private model = '';
  private ended = false;
  private readonly output: ResponsesOutputItem[] = [];
  private readonly open = new Map<number, OpenItem>();
  private readonly custom: ReadonlySet<string>;

  constructor(private readonly request: IrRequest | undefined) {
    this.custom = customToolNames(request?.tools);
  }

  encode(event: IrStreamEvent): string {
    if (this.ended) return '';
    if (event.type === 'start') {
      if (this.ids !== undefined) return '';
      this.ids = new ResponsesIds(event.id);
      this.createdAt = event.created;
      this.model = event.model;
      const response = this.response('in_progress', null);
      return this.emit('response.created', { response }) + this.emit('response.in_progress', { response });
    }
    if (this.ids === undefined) {
      if (event.type === 'error') {
        this.ended = true;
        return responsesErrorEvent(event.error, this.sequence++);
      }
      return '';
    }
    switch (event.type) {
      case 'block_start':
        return this.blockStart(event.index, event.block, this.ids);
      case 'text_delta':
        return this.delta(event.index, event.text, 'message', 'response.output_text.delta', { content_index: 0, logprobs: [] });
      case 'tool_args_delta': {
        const open = this.open.get(event.index);
        if (open?.item.type === 'custom_tool_call') {
          open.buffer += event.json;
          return '';
        }
        return this.delta(event.index, event.json, 'function_call', 'response.function_call_arguments.delta', {});
      }
      case 'thinking_delta':
        return this.delta(event.index, event.text, 'reasoning', 'response.reasoning_summary_text.delta', { summary_index: 0 });
      case 'signature_delta':
        return '';
      case 'block_stop':
        return this.blockStop(event.index);
      case 'finish': {
        this.ended = true;
        let text = '';
        for (const index of [...this.open.keys()]) text += this.blockStop(index);
        const ending = responsesEnding(event.stopReason);
        const response = this.response(ending.status, encodeResponsesUsage(event.usage), ending.incomplete_details);
        return text + this.emit(ending.status === 'completed' ? 'response.completed' : 'response.incomplete', { response });
      }
      case 'error':
        this.ended = true;
        return this.fail(event.error);
      default:
        return '';
    }
  }

  private blockStart(index: number, block: IrBlockStart, ids: ResponsesIds): string {
    const outputIndex = this.output.length;
    let item: ResponsesOutputItem;
    switch (block.type) {
      case 'text':
        item = { type: 'message', id: ids.item('msg', outputIndex), role: 'assistant', status: 'in_progress', content: [] };
        break;
      case 'tool_call':
        item = this.custom.has(block.name)
          ? { type: 'custom_tool_call', id: ids.item('ctc', outputIndex), call_id: block.id, name: block.name, input: '', status: 'in_progress' }
          : { type: 'function_call', id: ids.item('fc', outputIndex), call_id: block.id, name: block.name, arguments: '', status: 'in_progress' };
        break;
      case 'thinking':
      case 'redacted_thinking':
        item = { type: 'reasoning', id: ids.item('rs', outputIndex), summary: [] };
        break;
      default:
        return '';
    }
    this.output.push(item);
    this.open.set(index, { outputIndex, item, buffer: '', summaryPart: block.type === 'thinking' });
    let text = this.emit('response.output_item.added', { output_index: outputIndex, item: structuredClone(item) });
    if (block.type === 'text') {
      text += this.emit('response.content_part.added', { item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
    }
    if (block.type === 'thinking') {
      text += this.emit('response.reasoning_summary_part.added', { item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } });
    }
    if (block.type === 'redacted_thinking') text += this.blockStop(index);
    return text;
  }

  private delta(index: number, delta: string, itemType: ResponsesOutputItem['type'], type: string, extra: Record<string, unknown>): string {
    const open = this.open.get(index);
    if (open === undefined || open.item.type !== itemType || delta === '') return '';
    open.buffer += delta;
    return this.emit(type, { item_id: open.item.id, output_index: open.outputIndex, ...extra, delta });
  }

  private blockStop(index: number): string {
    const open = this.open.get(index);
    if (open === undefined) return '';
    this.open.delete(index);
    const { item, outputIndex, buffer } = open;
    const at = { item_id: item.id, output_index: outputIndex };
    let text = '';
    switch (item.type) {
      case 'message': {
        const part = { type: 'output_text' as const, text: buffer, annotations: [], logprobs: [] };
        item.content = [part];
        text += this.emit('response.output_text.done', { ...at, content_index: 0, text: buffer, logprobs: [] });
        text += this.emit('response.content_part.done', { ...at, content_index: 0, part });
        break;
      }
      case 'function_call':
        item.arguments = buffer;
        text += this.emit('response.function_call_arguments.done', { ...at, name: item.name, arguments: buffer });
        break;
      case 'custom_tool_call': {
        const input = customToolInput(buffer);
        item.input = input;
        if (input !== '') text += this.emit('response.custom_tool_call_input.delta', { ...at, delta: input });
        text += this.emit('response.custom_tool_call_input.done', { ...at, input });
        break;
      }
      case 'reasoning':
        if (open.summaryPart) {
          const part = { type: 'summary_text' as const, text: buffer };
          item.summary = [part];
          text += this.emit('response.reasoning_summary_text.done', { ...at, summary_index: 0, text: buffer });
          text += this.emit('response.reasoning_summary_part.done', { ...at, summary_index: 0, part });
        }
        break;
    }
    if (item.type !== 'reasoning') item.status = 'completed';
    return text + this.emit('response.output_item.done', { output_index: outputIndex, item: structuredClone(item) });
  }

  private fail(error: RouterError): string {
    const body = openAIErrorBody(error).error;
    const response = this.response('failed', null, null, { code: body.code ?? body.type, message: body.message });
    return this.emit('response.failed', { response }) + responsesErrorEvent(error, this.sequence++);
  }

  private response(status: ResponsesObject['status'], usage: ResponsesObject['usage'], incompleteDetails: ResponsesObject['incomplete_details'] = null, error: ResponsesObject['error'] = null): ResponsesObject {
    return responsesObject({
      id: this.ids?.responseId ?? 'resp_unknown',
      createdAt: this.createdAt,
      model: this.model,
      status,
      output: status === 'in_progress' ? [] : structuredClone(this.output),
      usage,
      incompleteDetails,
      error,
      request: this.request,
    });
  }

  private emit(type: string, fields: Record<string, unknown>): string {
    return formatSseEvent(JSON.stringify({ type, sequence_number: this.sequence++, ...fields }), type);
  }
}
