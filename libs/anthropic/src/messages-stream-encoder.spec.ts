import { describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { type IrStreamEvent, RouterError, SseParser } from '@llm-router/core';
import { MessagesStreamEncoder } from './messages-stream-encoder.js';

function encodeAll(events: IrStreamEvent[]): string {
  const encoder = new MessagesStreamEncoder();
  return events.map((event) => encoder.encode(event)).join('');
}

function streamOf(sse: string) {
  const client = new Anthropic({
    apiKey: 'x',
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
  });
  return client.messages.stream({ model: 'm', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] });
}

function dataOf(sse: string): Array<Record<string, unknown>> {
  return new SseParser().push(sse).map((frame) => JSON.parse(frame.data) as Record<string, unknown>);
}

const parisArgs = ['', '{"city": "Par', 'is", "unit"', ': "c', 'elsius"}'];
const tokyoArgs = ['', '{"city"', ': "Tok', 'yo", "unit": "c', 'elsius"}'];

/** The IR a translator produces for tools.stream.sse (e.g. from an OpenAI upstream), fragments split ≥5 ways. */
function toolsStream(): IrStreamEvent[] {
  return [
    { type: 'start', id: 'chatcmpl-9', model: 'claude-haiku-4-5', created: 1, usage: { inputTokens: 412 } },
    { type: 'block_start', index: 0, block: { type: 'text' } },
    { type: 'text_delta', index: 0, text: "I'll check the current" },
    { type: 'text_delta', index: 0, text: ' weather in both cities.' },
    { type: 'block_stop', index: 0 },
    { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather' } },
    ...parisArgs.map((json): IrStreamEvent => ({ type: 'tool_args_delta', index: 1, json })),
    { type: 'block_stop', index: 1 },
    { type: 'block_start', index: 2, block: { type: 'tool_call', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather' } },
    ...tokyoArgs.map((json): IrStreamEvent => ({ type: 'tool_args_delta', index: 2, json })),
    { type: 'block_stop', index: 2 },
    { type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 412, outputTokens: 118 } },
  ];
}

describe('MessagesStreamEncoder', () => {
  it('gives a tool stream the SDK accumulates into 3 blocks with intact inputs (§6 #1, #2, #18)', async () => {
    const sse = encodeAll(toolsStream());
    const stream = streamOf(sse);
    const starts: number[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') starts.push(event.message.usage.input_tokens);
    });
    const message = await stream.finalMessage();

    expect(starts).toEqual([412]);
    expect(message.id).toBe('msg_chatcmpl-9');
    expect(message.model).toBe('claude-haiku-4-5');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ input_tokens: 412, output_tokens: 118 });
    expect(message.content).toEqual([
      { type: 'text', text: "I'll check the current weather in both cities." },
      { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_use', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather', input: { city: 'Tokyo', unit: 'celsius' } },
    ]);
  });

  it('keeps the IR block indexes and joins the partial_json fragments to the upstream arguments', () => {
    const data = dataOf(encodeAll(toolsStream()));
    const starts = data.filter((d) => d['type'] === 'content_block_start');
    expect(starts.map((d) => d['index'])).toEqual([0, 1, 2]);
    expect(starts[1]?.['content_block']).toEqual({
      type: 'tool_use',
      id: 'toolu_01A09q90qw90lq917835lq9P',
      name: 'get_weather',
      input: {},
    });
    const argsOf = (index: number) =>
      data
        .filter((d) => d['type'] === 'content_block_delta' && d['index'] === index)
        .map((d) => (d['delta'] as { partial_json: string }).partial_json);
    expect(argsOf(1)).toEqual(parisArgs);
    expect(argsOf(2).join('')).toBe(tokyoArgs.join(''));
  });

  it('names every frame after its data type (§0.1, §6 #18)', () => {
    const sse = encodeAll(toolsStream());
    const frames = sse.split('\n\n').filter((frame) => frame !== '');
    expect(frames.length).toBeGreaterThan(10);
    for (const frame of frames) {
      const [eventLine, dataLine, ...rest] = frame.split('\n');
      expect(rest).toEqual([]);
      const data = JSON.parse((dataLine ?? '').replace(/^data: /, '')) as { type: string };
      expect(eventLine).toBe(`event: ${data.type}`);
    }
    expect(frames[0]).toMatch(/^event: message_start\n/);
    expect(frames.at(-2)).toMatch(/^event: message_delta\n/);
    expect(frames.at(-1)).toBe('event: message_stop\ndata: {"type":"message_stop"}');
  });

  it('writes message_start with the client model, null stop fields and cache-aware usage (§6 #7, #8, #23)', () => {
    const [start] = dataOf(
      encodeAll([
        { type: 'start', id: 'msg_x', model: 'alias-model', created: 1, usage: { inputTokens: 9888, cacheReadTokens: 6752 } },
      ]),
    );
    expect(start).toEqual({
      type: 'message_start',
      message: {
        id: 'msg_x',
        type: 'message',
        role: 'assistant',
        model: 'alias-model',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 3136, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 6752 },
      },
    });
  });

  it('streams thinking with its signature and redacted thinking', async () => {
    const message = await streamOf(
      encodeAll([
        { type: 'start', id: 'msg_t', model: 'claude-haiku-4-5', created: 1, usage: { inputTokens: 44, outputTokens: 3 } },
        { type: 'block_start', index: 0, block: { type: 'thinking' } },
        { type: 'thinking_delta', index: 0, text: '1001 = 7 × 143,' },
        { type: 'thinking_delta', index: 0, text: ' not prime.' },
        { type: 'signature_delta', index: 0, signature: 'EqQBCkg' },
        { type: 'block_stop', index: 0 },
        { type: 'block_start', index: 1, block: { type: 'redacted_thinking', data: 'opaque' } },
        { type: 'block_stop', index: 1 },
        { type: 'block_start', index: 2, block: { type: 'text' } },
        { type: 'text_delta', index: 2, text: 'No.' },
        { type: 'block_stop', index: 2 },
        { type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 44, outputTokens: 71 } },
      ]),
    ).finalMessage();
    expect(message.content).toEqual([
      { type: 'thinking', thinking: '1001 = 7 × 143, not prime.', signature: 'EqQBCkg' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'No.' },
    ]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 44, output_tokens: 71 });
  });

  it('puts final usage and stop fields in message_delta, without wiping an input estimate with 0', () => {
    const finished = dataOf(
      encodeAll([
        { type: 'start', id: 'm', model: 'm', created: 1, usage: { inputTokens: 30 } },
        {
          type: 'finish',
          stopReason: 'stop_sequence',
          stopSequence: 'END',
          usage: { inputTokens: 9888, outputTokens: 5, cacheReadTokens: 6752, cacheWriteTokens: 100 },
        },
      ]),
    );
    expect(finished[1]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' },
      usage: { input_tokens: 3036, output_tokens: 5, cache_creation_input_tokens: 100, cache_read_input_tokens: 6752 },
    });
    expect(finished[2]).toEqual({ type: 'message_stop' });

    const unknownInput = dataOf(
      encodeAll([
        { type: 'start', id: 'm', model: 'm', created: 1, usage: { inputTokens: 30 } },
        { type: 'finish', stopReason: 'max_tokens', usage: { inputTokens: 0, outputTokens: 7 } },
      ]),
    );
    expect(unknownInput[1]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens', stop_sequence: null },
      usage: { output_tokens: 7 },
    });
  });

  it('never says tool_use when no tool block was streamed', () => {
    const data = dataOf(
      encodeAll([
        { type: 'start', id: 'm', model: 'm', created: 1 },
        { type: 'finish', stopReason: 'tool_use', usage: { inputTokens: 1, outputTokens: 1 } },
      ]),
    );
    expect(data[1]).toMatchObject({ delta: { stop_reason: 'end_turn' } });
  });

  it('ends with event: error and nothing after it; the SDK throws', async () => {
    const encoder = new MessagesStreamEncoder();
    const events: IrStreamEvent[] = [
      ...toolsStream().slice(0, 4),
      { type: 'error', error: new RouterError('overloaded', 'anthropic: Overloaded', { status: 529 }) },
    ];
    const sse = events.map((event) => encoder.encode(event)).join('');
    expect(sse.endsWith('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"anthropic: Overloaded"}}\n\n')).toBe(true);
    expect(encoder.encode({ type: 'block_stop', index: 0 })).toBe('');
    expect(encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } })).toBe('');

    await expect(streamOf(sse).finalMessage()).rejects.toMatchObject({ status: undefined, type: 'overloaded_error' });
  });

  it('encodes nothing after finish, nor a second start', () => {
    const encoder = new MessagesStreamEncoder();
    expect(encoder.encode({ type: 'start', id: 'm', model: 'm', created: 1 })).not.toBe('');
    expect(encoder.encode({ type: 'start', id: 'm', model: 'm', created: 1 })).toBe('');
    expect(encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } })).not.toBe('');
    expect(encoder.encode({ type: 'error', error: new RouterError('api_error', 'late') })).toBe('');
  });
});
