import { describe, expect, it } from '@jest/globals';
import type { IrStreamEvent } from '@llm-router/core';
import { decodeInChunks, expectStreamGrammar, ollamaFixture, testContext } from '../codec.spec-helper.js';
import { OllamaStreamDecoder } from './ollama-stream-decoder.js';

/** Odd chunk sizes, so lines (and multi-byte characters) split anywhere. */
const ODD_SIZES = [1, 7, 13, 29, 3, 101];

function decode(bytes: Buffer | string, sizes?: readonly number[]): IrStreamEvent[] {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return decodeInChunks(new OllamaStreamDecoder(testContext({ upstreamModel: 'llama3.2', estimatedInputTokens: 40 })), buffer, sizes);
}

function textOf(events: readonly IrStreamEvent[], type: 'text_delta' | 'thinking_delta'): string {
  return events.map((event) => (event.type === type ? event.text : '')).join('');
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

describe('OllamaStreamDecoder', () => {
  it('decodes chat.stream.ndjson into start, one text block and finish, however the bytes are split', () => {
    const whole = decode(ollamaFixture('chat.stream.ndjson'));
    expect(decode(ollamaFixture('chat.stream.ndjson'), ODD_SIZES)).toEqual(whole);
    expectStreamGrammar(whole);
    expect(whole[0]).toEqual({
      type: 'start',
      id: 'ollama-id1',
      model: 'llama3.2',
      created: Math.floor(Date.parse('2026-11-23T14:05:12.620Z') / 1000),
      usage: { inputTokens: 40 },
    });
    expect(whole[1]).toEqual({ type: 'block_start', index: 0, block: { type: 'text' } });
    expect(whole.filter((event) => event.type === 'text_delta')).toHaveLength(17);
    expect(textOf(whole, 'text_delta')).toBe('Octopuses have three hearts, and two of them stop beating when they swim.');
    expect(whole.slice(-2)).toEqual([
      { type: 'block_stop', index: 0 },
      { type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 38, outputTokens: 18 } },
    ]);
  });

  it('decodes chat.tools.stream.ndjson: one whole block per call, and tool_use although done_reason is stop (#3)', () => {
    const events = decode(ollamaFixture('chat.tools.stream.ndjson'), ODD_SIZES);
    expectStreamGrammar(events);
    expect(events.slice(1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_k3v9x2qa', name: 'get_weather' } },
      { type: 'tool_args_delta', index: 0, json: '{"city":"Paris","unit":"celsius"}' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_p7m1z8rd', name: 'get_weather' } },
      { type: 'tool_args_delta', index: 1, json: '{"city":"Tokyo","unit":"celsius"}' },
      { type: 'block_stop', index: 1 },
      { type: 'finish', stopReason: 'tool_use', usage: { inputTokens: 211, outputTokens: 47 } },
    ]);
  });

  it('gives calls without ids (older servers) unique, non-empty call_ ids; arguments are JSON of objects (#4)', () => {
    const fixture = ollamaFixture('chat.tools.stream.ndjson').toString('utf8').replace(/"id":"call_[a-z0-9]+",/g, '');
    const events = decode(fixture);
    const starts = events.flatMap((event) => (event.type === 'block_start' && event.block.type === 'tool_call' ? [event.block.id] : []));
    expect(starts).toEqual(['call_id2', 'call_id3']);
    const args = events.flatMap((event) => (event.type === 'tool_args_delta' ? [JSON.parse(event.json) as unknown] : []));
    expect(args).toEqual([
      { city: 'Paris', unit: 'celsius' },
      { city: 'Tokyo', unit: 'celsius' },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'tool_use' });
  });

  it('closes an open text block before a tool call, and keeps length as max_tokens', () => {
    const events = decode(
      line({ model: 'm', created_at: '2026-11-23T14:05:12Z', message: { role: 'assistant', content: 'Let me check.' }, done: false }) +
        line({ model: 'm', message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: '{"a":1}' } }] }, done: false }) +
        line({ model: 'm', message: { role: 'assistant', content: '' }, done: true, done_reason: 'length', eval_count: 5 }),
    );
    expectStreamGrammar(events);
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'block_stop', 'block_start', 'tool_args_delta', 'block_stop', 'finish']);
    expect(events[5]).toEqual({ type: 'tool_args_delta', index: 1, json: '{"a":1}' });
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'max_tokens', usage: { inputTokens: 0, outputTokens: 5 } });
  });

  it('decodes chat.think.stream.ndjson into a thinking block, then a text block', () => {
    const events = decode(ollamaFixture('chat.think.stream.ndjson'), [1]);
    expectStreamGrammar(events);
    expect(events.map((event) => event.type)).toEqual([
      'start',
      'block_start',
      'thinking_delta',
      'thinking_delta',
      'block_stop',
      'block_start',
      'text_delta',
      'text_delta',
      'block_stop',
      'finish',
    ]);
    expect(events[1]).toEqual({ type: 'block_start', index: 0, block: { type: 'thinking' } });
    expect(events[5]).toEqual({ type: 'block_start', index: 1, block: { type: 'text' } });
    expect(textOf(events, 'thinking_delta')).toBe('1001 = 7 × 143 = 7 × 11 × 13, so not prime.');
    expect(textOf(events, 'text_delta')).toBe('No: 1001 = 7 × 11 × 13.');
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 19, outputTokens: 42 } });
  });

  it('decodes generate.stream.ndjson (`response` fragments)', () => {
    const events = decode(ollamaFixture('generate.stream.ndjson'), ODD_SIZES);
    expectStreamGrammar(events);
    expect(textOf(events, 'text_delta')).toBe('Soft drops on the roof\nWhispering to the sleeping town\nNight exhales slowly');
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 26, outputTokens: 18 } });
  });

  it('turns error.midstream.ndjson into an error event after the deltas, with nothing after it', () => {
    const events = decode(ollamaFixture('error.midstream.ndjson'), ODD_SIZES);
    expectStreamGrammar(events);
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'text_delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' ? last.error : undefined).toMatchObject({
      kind: 'api_error',
      status: 500,
      provider: 'ollama',
      message: 'ollama: an error was encountered while running the model: unexpected EOF',
    });
  });

  it('reports a stream that ends without its done line as an error, never as a success', () => {
    const lines = ollamaFixture('chat.stream.ndjson').toString('utf8').split('\n');
    const truncated = decode(lines.slice(0, 5).join('\n') + '\n');
    expectStreamGrammar(truncated);
    expect(truncated.at(-1)).toMatchObject({ type: 'error', error: { kind: 'bad_gateway', provider: 'ollama' } });
    expect(truncated.some((event) => event.type === 'finish' || event.type === 'block_stop')).toBe(false);
    const last = truncated.at(-1);
    expect(last?.type === 'error' ? last.error.message : '').toContain('ended prematurely');

    // Cut inside the done line: the partial line is not JSON, which is the one error reported.
    const whole = ollamaFixture('chat.stream.ndjson');
    const cut = decode(whole.subarray(0, whole.length - 40), ODD_SIZES);
    expect(cut.filter((event) => event.type === 'error')).toHaveLength(1);
    expect(cut.at(-1)).toMatchObject({ type: 'error', error: { kind: 'bad_gateway' } });
  });

  it('skips a line that is not a JSON object (reported to onSkippedFrame); the stream goes on to its done line', () => {
    const skipped: string[] = [];
    const context = { ...testContext({ upstreamModel: 'llama3.2', estimatedInputTokens: 40 }), onSkippedFrame: (description: string) => skipped.push(description) };
    const lines = ollamaFixture('chat.stream.ndjson').toString('utf8').split('\n');
    const body = [lines[0], '{"message":{"content":"trunc', '<html>bad gateway</html>', ...lines.slice(1)].join('\n');
    const events = decodeInChunks(new OllamaStreamDecoder(context), Buffer.from(body));
    expectStreamGrammar(events);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
    expect(textOf(events, 'text_delta')).toBe(textOf(decode(ollamaFixture('chat.stream.ndjson')), 'text_delta'));
    expect(skipped).toEqual([
      'ollama: NDJSON line that is not a JSON object skipped: "{\\"message\\":{\\"content\\":\\"trunc"',
      'ollama: NDJSON line that is not a JSON object skipped: "<html>bad gateway</html>"',
    ]);
  });

  it('reports an empty stream as an error without a start', () => {
    expect(decode('')).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'bad_gateway' }) }]);
  });

  it('accepts a last line without its trailing newline', () => {
    const bytes = ollamaFixture('chat.stream.ndjson').toString('utf8').trimEnd();
    expect(decode(bytes).at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
  });

  it('ends at the first error or finish: later lines are ignored and end() adds nothing', () => {
    const decoder = new OllamaStreamDecoder(testContext());
    const events = decoder.push(
      Buffer.from(line({ model: 'm', message: { role: 'assistant', content: 'a' }, done: true, done_reason: 'stop' }) + line({ message: { content: 'late' }, done: false })),
    );
    expect(events.at(-1)).toMatchObject({ type: 'finish' });
    expect(events.filter((event) => event.type === 'text_delta')).toHaveLength(1);
    expect(decoder.push(Buffer.from(line({ error: 'late error' })))).toEqual([]);
    expect(decoder.end()).toEqual([]);
  });

  it('reports a line that is not a JSON object, or a malformed tool call, as a bad_gateway error', () => {
    expect(decode('{"model":"m","message":{"content":"a"},"done":false}\nnot json\n').at(-1)).toMatchObject({ type: 'error', error: { kind: 'bad_gateway' } });
    expect(decode('[1,2]\n')).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'bad_gateway' }) }]);
    const badCall = decode(line({ model: 'm', message: { content: '', tool_calls: [{ function: { name: 'f', arguments: 'oops' } }] }, done: false }));
    expect(badCall.map((event) => event.type)).toEqual(['start', 'error']);
  });

  it('reports tool arguments nested 5,000 deep (29 KB, a model can emit that) as a bad_gateway error, not a stack overflow', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const asObject = `{"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":${deep}}}]},"done":false}\n`;
    const events = decode(asObject, ODD_SIZES);
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'bad_gateway', message: expect.stringContaining('nested deeper than 128') }) }]);
    const asString = line({ model: 'm', message: { content: 'x', tool_calls: [{ function: { name: 'f', arguments: deep } }] }, done: false });
    expect(decode(asString).map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'error']);
  });

  it("refuses a line longer than the context's maxFrameChars (server.stream_frame_limit_mb) with a bad_gateway", () => {
    const decoder = new OllamaStreamDecoder(testContext({ maxFrameChars: 64 }));
    expect(() => decoder.push(Buffer.from(`{"model":"m","message":{"content":"${'x'.repeat(64)}"}`))).toThrow(
      expect.objectContaining({ kind: 'bad_gateway', message: 'upstream sent an NDJSON line longer than 64 characters' }),
    );
  });
});
