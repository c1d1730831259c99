import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { RouterError, type IrStreamEvent } from '@llm-router/core';
import { anthropicUpstreamCodec, createAnthropicUpstreamCodec } from './anthropic-upstream-codec.js';
import { MessagesStreamDecoder } from './messages-stream-decoder.js';
import { MessagesStreamEncoder } from './messages-stream-encoder.js';
import { testContext } from './translation-context.spec-helper.js';

const NOW = 1_795_442_712;

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url));
}

/** Decodes `bytes` split into chunks of `size` bytes (whole by default), then ends the body. */
function decodeAll(bytes: Buffer | string, size?: number, context = testContext()): IrStreamEvent[] {
  const decoder = new MessagesStreamDecoder(context, () => NOW);
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const step = size ?? Math.max(1, buffer.length);
  const events: IrStreamEvent[] = [];
  for (let at = 0; at < buffer.length; at += step) events.push(...decoder.push(buffer.subarray(at, at + step)));
  return [...events, ...decoder.end()];
}

function sse(...events: Array<Record<string, unknown>>): string {
  return events.map((event) => `event: ${String(event['type'])}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

function sdkStream(body: string) {
  const client = new Anthropic({
    apiKey: 'x',
    maxRetries: 0,
    fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
  });
  return client.messages.stream({ model: 'm', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] });
}

function reencode(events: IrStreamEvent[]): string {
  const encoder = new MessagesStreamEncoder();
  return events.map((event) => encoder.encode(event)).join('');
}

const start = (usage: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }) => ({
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-haiku-4-5-20251001', content: [], stop_reason: null, stop_sequence: null, usage },
});
const textStart = (index: number) => ({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
const textDelta = (index: number, text: string) => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
const stop = (index: number) => ({ type: 'content_block_stop', index });
const messageDelta = (stopReason: string, usage: Record<string, unknown> = { output_tokens: 5 }) => ({
  type: 'message_delta',
  delta: { stop_reason: stopReason, stop_sequence: null },
  usage,
});
const messageStop = { type: 'message_stop' };

describe('MessagesStreamDecoder: the fixtures', () => {
  it('decodes basic.stream.sse (ping ignored)', () => {
    const startEvent: IrStreamEvent = {
      type: 'start',
      id: 'msg_01TgKq8wZr3Vn6YpLs2Dc9Ae',
      model: 'claude-haiku-4-5-20251001',
      created: NOW,
      usage: { inputTokens: 25, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
    };
    const expected: IrStreamEvent[] = [
      startEvent,
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Octopuses have three' },
      { type: 'text_delta', index: 0, text: ' hearts: two pump blood through the' },
      { type: 'text_delta', index: 0, text: ' gills, while the third circulates it to' },
      { type: 'text_delta', index: 0, text: ' the rest of the body.' },
      { type: 'block_stop', index: 0 },
      { type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 25, outputTokens: 26, cacheReadTokens: 0, cacheWriteTokens: 0 } },
    ];
    expect(decodeAll(fixture('basic.stream.sse'))).toEqual(expected);
  });

  it('decodes tools.stream.sse: tool_call blocks, argument fragments without the empty first one', () => {
    const events = decodeAll(fixture('tools.stream.sse'));
    expect(events.filter((event) => event.type === 'block_start')).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather' } },
      { type: 'block_start', index: 2, block: { type: 'tool_call', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather' } },
    ]);
    const args = (index: number) => events.flatMap((event) => (event.type === 'tool_args_delta' && event.index === index ? [event.json] : []));
    expect(args(1)).toEqual(['{"city": "Par', 'is", "unit": "c', 'elsius"}']);
    expect(JSON.parse(args(2).join(''))).toEqual({ city: 'Tokyo', unit: 'celsius' });
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'tool_use', usage: { inputTokens: 412, outputTokens: 118, cacheReadTokens: 0, cacheWriteTokens: 0 } });
  });

  it('decodes thinking.stream.sse with its signature', () => {
    const events = decodeAll(fixture('thinking.stream.sse'));
    expect(events.slice(1, 6)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: '1001 = 7 × 143, and 143 = 11 × 13,' },
      { type: 'thinking_delta', index: 0, text: ' so 1001 = 7 × 11 × 13. Not prime.' },
      { type: 'signature_delta', index: 0, signature: expect.stringMatching(/^EqQBCkgIBxABGAIi.*Op6$/) },
      { type: 'block_stop', index: 0 },
    ]);
  });

  it('#14 decodes error.midstream.sse into an error, never a clean stop', () => {
    const events = decodeAll(fixture('error.midstream.sse'));
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error).toMatchObject({ kind: 'overloaded', message: 'anthropic: Overloaded', provider: 'anthropic', retryable: true });
    expect(last?.type === 'error' && last.error).toBeInstanceOf(RouterError);
  });

  it.each(['basic.stream.sse', 'tools.stream.sse', 'thinking.stream.sse', 'error.midstream.sse'])('gives the same events for %s fed byte by byte', (name) => {
    expect(decodeAll(fixture(name), 1)).toEqual(decodeAll(fixture(name)));
  });

  it.each(['basic.stream.sse', 'tools.stream.sse', 'thinking.stream.sse'])(
    're-encoded with MessagesStreamEncoder, %s gives the SDK the same final message (#1, #18)',
    async (name) => {
      const expected = await sdkStream(fixture(name).toString('utf8')).finalMessage();
      const actual = await sdkStream(reencode(decodeAll(fixture(name)))).finalMessage();
      const { usage: expectedUsage, ...expectedRest } = expected;
      const { usage: actualUsage, ...actualRest } = actual;
      expect(actualRest).toEqual(expectedRest);
      expect(actualUsage).toMatchObject({
        input_tokens: expectedUsage.input_tokens,
        output_tokens: expectedUsage.output_tokens,
        cache_read_input_tokens: expectedUsage.cache_read_input_tokens,
        cache_creation_input_tokens: expectedUsage.cache_creation_input_tokens,
      });
    },
  );

  it('re-encodes error.midstream.sse into a stream that ends in event: error; the SDK throws', async () => {
    const text = reencode(decodeAll(fixture('error.midstream.sse')));
    expect(text.endsWith('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"anthropic: Overloaded"}}\n\n')).toBe(true);
    expect(text).not.toContain('message_stop');
    await expect(sdkStream(text).finalMessage()).rejects.toMatchObject({ type: 'overloaded_error' });
  });
});

describe('MessagesStreamDecoder: endings', () => {
  it('finishes a body that ends after its stop reason even without message_stop', () => {
    const whole = sse(start(), textStart(0), textDelta(0, 'Hel'), stop(0), messageDelta('end_turn'));
    const events = decodeAll(whole);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
    expect(events.some((event) => event.type === 'error')).toBe(false);
  });

  it('reports a body that ends before its stop reason as an error', () => {
    const cut = sse(start(), textStart(0), textDelta(0, 'Hel'), stop(0));
    const events = decodeAll(cut);
    expect(events.at(-1)).toEqual({ type: 'error', error: expect.any(RouterError) });
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error).toMatchObject({ kind: 'api_error', message: 'upstream stream ended prematurely', provider: 'anthropic' });
    expect(decodeAll('')).toEqual([{ type: 'error', error: expect.objectContaining({ message: 'upstream stream ended prematurely' }) }]);
    const midFrame = fixture('basic.stream.sse').toString('utf8').slice(0, 700);
    expect(decodeAll(midFrame).at(-1)?.type).toBe('error');
  });

  it('reads a last frame that lacks its blank line', () => {
    const body = sse(start(), messageDelta('end_turn')) + 'event: message_stop\ndata: {"type":"message_stop"}';
    expect(decodeAll(body).at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
  });

  it('decodes nothing after message_stop or an error, and end() adds nothing', () => {
    const decoder = new MessagesStreamDecoder(testContext(), () => NOW);
    expect(decoder.push(Buffer.from(sse(start(), messageDelta('end_turn'), messageStop)))).toHaveLength(2);
    expect(decoder.push(Buffer.from(sse(textStart(0))))).toEqual([]);
    expect(decoder.end()).toEqual([]);

    const failed = new MessagesStreamDecoder(testContext(), () => NOW);
    const events = failed.push(Buffer.from(sse(start(), { type: 'error', error: { type: 'api_error', message: 'boom' } }, messageStop)));
    expect(events.map((event) => event.type)).toEqual(['start', 'error']);
    expect(failed.end()).toEqual([]);
  });

  it('closes a block left open at message_stop', () => {
    const events = decodeAll(sse(start(), textStart(0), textDelta(0, 'x'), messageDelta('max_tokens'), messageStop));
    expect(events.slice(-2)).toEqual([
      { type: 'block_stop', index: 0 },
      { type: 'finish', stopReason: 'max_tokens', usage: { inputTokens: 10, outputTokens: 5 } },
    ]);
  });

  it.each([
    ['an event before message_start', sse(textStart(0)), 'content_block_start before message_start'],
    ['a second message_start', sse(start(), start()), 'a second message_start'],
  ])('turns %s into a bad_gateway error', (_name, body, message) => {
    const last = decodeAll(body).at(-1);
    expect(last?.type === 'error' && last.error).toMatchObject({ kind: 'bad_gateway', provider: 'anthropic', message: `anthropic upstream stream broke protocol: ${message}` });
  });

  it('skips a frame whose data is not a JSON object (reported to onSkippedFrame); the stream goes on to its finish', () => {
    const skipped: string[] = [];
    const context = { ...testContext(), onSkippedFrame: (description: string) => skipped.push(description) };
    const events = decodeAll(`${sse(start(), textStart(0), textDelta(0, 'a'))}event: content_block_delta\ndata: {"type":\n\n${sse(textDelta(0, 'b'), messageDelta('end_turn'), messageStop)}`, undefined, context);
    expect(events.filter((event) => event.type === 'text_delta').map((event) => (event.type === 'text_delta' ? event.text : ''))).toEqual(['a', 'b']);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
    expect(skipped).toEqual(['anthropic: content_block_delta event that is not a JSON object skipped: "{\\"type\\":"']);
  });

  it.each([
    ['overloaded_error', 'overloaded'],
    ['rate_limit_error', 'rate_limit'],
    ['api_error', 'api_error'],
    ['invalid_request_error', 'invalid_request'],
    ['a_new_error', 'api_error'],
  ])('maps an in-band %s to kind %s', (type, kind) => {
    const last = decodeAll(sse(start(), { type: 'error', error: { type, message: 'm' } })).at(-1);
    expect(last?.type === 'error' && last.error).toMatchObject({ kind, message: 'anthropic: m', provider: 'anthropic' });
  });
});

describe('MessagesStreamDecoder: blocks and usage', () => {
  it('skips server-tool blocks and citations, renumbering the IR indexes contiguously', () => {
    const context = testContext();
    const events = decodeAll(
      sse(
        start(),
        { type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } },
        { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' } },
        stop(0),
        { type: 'content_block_start', index: 1, content_block: { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] } },
        stop(1),
        textStart(2),
        { type: 'content_block_delta', index: 2, delta: { type: 'citations_delta', citation: { type: 'web_search_result_location' } } },
        textDelta(2, 'found'),
        stop(2),
        { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} } },
        { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '' } },
        stop(3),
        messageDelta('tool_use'),
        messageStop,
      ),
      undefined,
      context,
    );
    expect(events.slice(1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'found' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_1', name: 'f' } },
      { type: 'block_stop', index: 1 },
      { type: 'finish', stopReason: 'tool_use', usage: { inputTokens: 10, outputTokens: 5 } },
    ]);
    expect(context.warnings).toEqual(['content[0]: "server_tool_use" block from anthropic dropped', 'content[1]: "web_search_tool_result" block from anthropic dropped']);
  });

  it('passes redacted thinking and content given at block start', () => {
    const events = decodeAll(
      sse(
        start(),
        { type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'opaque' } },
        stop(0),
        { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 } } },
        stop(1),
        { type: 'content_block_start', index: 2, content_block: { type: 'text', text: 'pre' } },
        stop(2),
        messageDelta('end_turn'),
        messageStop,
      ),
    );
    expect(events.slice(1, -1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'redacted_thinking', data: 'opaque' } },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_1', name: 'f' } },
      { type: 'tool_args_delta', index: 1, json: '{"a":1}' },
      { type: 'block_stop', index: 1 },
      { type: 'block_start', index: 2, block: { type: 'text' } },
      { type: 'text_delta', index: 2, text: 'pre' },
      { type: 'block_stop', index: 2 },
    ]);
  });

  it('#7 starts with cache-aware input usage and lets message_delta overwrite only the counters it carries', () => {
    const events = decodeAll(
      sse(
        start({ input_tokens: 3136, cache_read_input_tokens: 6752, cache_creation_input_tokens: 0, output_tokens: 1 }),
        messageDelta('stop_sequence', { output_tokens: 50, input_tokens: 3000 }),
        messageStop,
      ),
    );
    expect(events[0]).toMatchObject({ type: 'start', usage: { inputTokens: 9888, cacheReadTokens: 6752, cacheWriteTokens: 0, outputTokens: 1 } });
    expect(events.at(-1)).toEqual({
      type: 'finish',
      stopReason: 'stop_sequence',
      usage: { inputTokens: 9752, outputTokens: 50, cacheReadTokens: 6752, cacheWriteTokens: 0 },
    });
  });

  it('maps the stop reasons and keeps a matched stop sequence', () => {
    const reason = (stopReason: string) => decodeAll(sse(start(), messageDelta(stopReason), messageStop)).at(-1);
    expect(reason('refusal')).toMatchObject({ stopReason: 'content_filter' });
    expect(reason('pause_turn')).toMatchObject({ stopReason: 'pause' });
    expect(reason('model_context_window_exceeded')).toMatchObject({ stopReason: 'max_tokens' });
    expect(reason('whatever_next')).toMatchObject({ stopReason: 'other' });
    const withSequence = decodeAll(
      sse(start(), { type: 'message_delta', delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' }, usage: { output_tokens: 2 } }, messageStop),
    ).at(-1);
    expect(withSequence).toMatchObject({ stopReason: 'stop_sequence', stopSequence: 'END' });
  });

  it('ignores unknown event and delta types, and deltas for closed or unknown blocks', () => {
    const events = decodeAll(
      sse(
        start(),
        { type: 'some_future_event' },
        textStart(0),
        { type: 'content_block_delta', index: 0, delta: { type: 'some_future_delta' } },
        textDelta(0, ''),
        stop(0),
        textDelta(0, 'late'),
        textDelta(7, 'nowhere'),
        messageDelta('end_turn'),
        messageStop,
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'block_stop', 'finish']);
  });
});

describe('anthropicUpstreamCodec', () => {
  it('wires the encoder, the response decoder and one stream decoder per stream, with the injected clock', () => {
    const codec = createAnthropicUpstreamCodec({ now: () => NOW * 1000 + 999 });
    const context = testContext();
    expect(codec.encodeRequest({ model: 'm', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }], stream: true }, context)).toEqual({
      path: '/v1/messages',
      body: { model: 'claude-haiku-4-5-20251001', max_tokens: 4096, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true },
    });
    const body = JSON.parse(fixture('basic.response.json').toString('utf8')) as unknown;
    expect(codec.decodeResponse(body, context).created).toBe(NOW);
    const first = codec.createStreamDecoder(context);
    expect(first).not.toBe(codec.createStreamDecoder(context));
    expect(first.push(fixture('basic.stream.sse'))[0]).toMatchObject({ type: 'start', created: NOW });
  });

  it('stamps the real time by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const created = anthropicUpstreamCodec.decodeResponse(JSON.parse(fixture('basic.response.json').toString('utf8')) as unknown, testContext()).created;
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('reports a tool_use input nested 5,000 deep as a protocol error, not a stack overflow', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const start = sse({ type: 'message_start', message: { id: 'msg_1', model: 'm', usage: { input_tokens: 1, output_tokens: 0 } } });
    const block = `event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":${deep}}}\n\n`;
    const events = decodeAll(start + block, 977);
    expect(events.map((event) => event.type)).toEqual(['start', 'error']);
    expect(events[1]).toMatchObject({ error: { kind: 'bad_gateway', message: expect.stringContaining('nested deeper than 128 levels') } });
  });

  it("refuses a frame longer than the context's maxFrameChars (server.stream_frame_limit_mb) with a bad_gateway", () => {
    const decoder = new MessagesStreamDecoder(testContext({ maxFrameChars: 64 }), () => NOW);
    expect(() => decoder.push(Buffer.from(`event: ping\ndata: ${'x'.repeat(64)}`))).toThrow(expect.objectContaining({ kind: 'bad_gateway', message: 'upstream sent an SSE frame longer than 64 characters' }));
  });
});
