import { describe, expect, it } from '@jest/globals';
import type { IrStreamEvent, TranslationContext } from '@llm-router/core';
import { fixtureBytes, testContext } from '../../test-context.spec-helper.js';
import { ResponsesStreamDecoder } from './responses-stream-decoder.js';

/** Decodes `bytes` pushed in `pieces` (1 = whole), then ends the stream. */
function decodeStream(bytes: Buffer | string, context: TranslationContext = testContext(), pieces = 1): IrStreamEvent[] {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const decoder = new ResponsesStreamDecoder(context);
  const size = Math.ceil(buffer.length / pieces);
  const events: IrStreamEvent[] = [];
  for (let at = 0; at < buffer.length; at += size) events.push(...decoder.push(buffer.subarray(at, at + size)));
  return [...events, ...decoder.end()];
}

/** An SSE body of Responses events (`type` and `sequence_number` filled in). */
function sse(events: Array<Record<string, unknown>>): string {
  return events.map((event, n) => `event: ${String(event['type'])}\ndata: ${JSON.stringify({ sequence_number: n, ...event })}\n\n`).join('');
}
const created = { type: 'response.created', response: { id: 'resp_1', object: 'response', created_at: 9, model: 'up', status: 'in_progress', output: [], usage: null } };
const completed = (usage: Record<string, unknown> | null = { input_tokens: 5, output_tokens: 2 }) => ({ type: 'response.completed', response: { id: 'resp_1', status: 'completed', output: [], usage } });

/** The IR grammar: start first; blocks 0,1,2... started in order, deltas only inside their open block; one finish or error last. */
function expectGrammar(events: IrStreamEvent[]): void {
  expect(events[0]?.type).toBe('start');
  expect(['finish', 'error']).toContain(events.at(-1)?.type);
  let next = 0;
  let open: number | undefined;
  for (const event of events.slice(1, -1)) {
    expect(['start', 'finish', 'error']).not.toContain(event.type);
    if (event.type === 'block_start') {
      expect(open).toBeUndefined();
      expect(event.index).toBe(next++);
      open = event.index;
    } else if (event.type === 'block_stop') {
      expect(event.index).toBe(open);
      open = undefined;
    } else if ('index' in event) expect(event.index).toBe(open);
  }
  expect(open).toBeUndefined();
}

const joined = (events: IrStreamEvent[], type: 'text_delta' | 'thinking_delta') =>
  events.flatMap((event) => (event.type === type ? [event.text] : [])).join('');

describe('ResponsesStreamDecoder: fixtures', () => {
  it('decodes basic.stream.sse (whole or byte by byte): start from response.created, one text block, finish with the real usage', () => {
    const bytes = fixtureBytes('openai-responses/basic.stream.sse');
    const events = decodeStream(bytes);
    expectGrammar(events);
    expect(events[0]).toEqual({ type: 'start', id: 'resp_0c4f8a2e7b1d93a60168f3b2a7d0c88191a3f6e2b9c4d7e1f0', model: 'gpt-5-mini-2025-08-07', created: 1795442712, usage: { inputTokens: 100 } });
    expect(events.filter((event) => event.type === 'block_start')).toEqual([{ type: 'block_start', index: 0, block: { type: 'text' } }]);
    expect(joined(events, 'text_delta')).toBe('Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.');
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 27, outputTokens: 87, cacheReadTokens: 0, reasoningTokens: 64 } });
    expect(decodeStream(bytes, testContext(), bytes.length)).toEqual(events);
  });

  it('decodes tools.stream.sse: one tool_call block per function_call (call_id, name) opened at output_item.added, argument deltas live, tool_use', () => {
    const events = decodeStream(fixtureBytes('openai-responses/tools.stream.sse'));
    expectGrammar(events);
    const starts = events.filter((event) => event.type === 'block_start');
    expect(starts).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather' } },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather' } },
    ]);
    const args = (index: number) => events.flatMap((event) => (event.type === 'tool_args_delta' && event.index === index ? [event.json] : []));
    expect(args(0).length).toBeGreaterThan(1);
    expect(args(0).join('')).toBe('{"city":"Paris","unit":"celsius"}');
    expect(args(1).join('')).toBe('{"city":"Tokyo","unit":"celsius"}');
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'tool_use' });
  });

  it('decodes reasoning.stream.sse: the summary deltas as a thinking block before the text block', () => {
    const events = decodeStream(fixtureBytes('openai-responses/reasoning.stream.sse'), testContext(), 40);
    expectGrammar(events);
    expect(events.filter((event) => event.type === 'block_start').map((event) => event.type === 'block_start' && event.block.type)).toEqual(['thinking', 'text']);
    expect(joined(events, 'thinking_delta')).toBe('**Checking primality of 1001**\n\n1001 = 7 × 143, and 143 = 11 × 13, so 1001 = 7 × 11 × 13. Not prime.');
    expect(joined(events, 'text_delta')).toBe('No. 1001 = 7 × 11 × 13, so it is not prime.');
  });

  it('turns error.midstream.sse (response.failed after a delta) into an error event with the code as its kind', () => {
    const events = decodeStream(fixtureBytes('openai-responses/error.midstream.sse'));
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'error']);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'api_error', message: 'openai: The server had an error while processing your request. Sorry about that!', provider: 'openai' } });
  });
});

describe('ResponsesStreamDecoder: edges', () => {
  it('a body that ends without a terminal event is an error, never a fabricated finish', () => {
    const whole = fixtureBytes('openai-responses/basic.stream.sse').toString('utf8');
    const cut = whole.slice(0, whole.indexOf('event: response.completed'));
    const events = decodeStream(cut);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'api_error', message: 'openai: upstream stream ended prematurely' } });
    expect(decodeStream('')).toEqual([expect.objectContaining({ type: 'error' })]);
  });

  it('an error event is an error of the kind its code says; data that is not a JSON object is skipped and reported; nothing follows an error', () => {
    const rate = decodeStream(sse([created, { type: 'error', code: 'rate_limit_exceeded', message: 'Too many', param: null }, completed()]));
    expect(rate.map((event) => event.type)).toEqual(['start', 'error']);
    expect(rate[1]).toMatchObject({ error: { kind: 'rate_limit', message: 'openai: Too many' } });
    const skipped: string[] = [];
    const context = { ...testContext(), onSkippedFrame: (description: string) => skipped.push(description) };
    const bad = decodeStream(`${sse([created])}event: response.output_text.delta\ndata: {oops\n\n${sse([completed()])}`, context);
    expect(bad.map((event) => event.type)).toEqual(['start', 'finish']);
    expect(skipped).toEqual(['openai: response.output_text.delta event that is not a JSON object skipped: "{oops"']);
  });

  it('ignores unknown event types, maps response.incomplete (max_output_tokens) to a length stop, estimates missing usage with a warning', () => {
    const context = testContext();
    const events = decodeStream(
      sse([
        created,
        { type: 'response.output_item.added', output_index: 0, item: { id: 'msg_1', type: 'message', role: 'assistant', content: [] } },
        { type: 'response.something_new', foo: 1 },
        { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'abcdefgh' },
        { type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage: null } },
      ]),
      context,
    );
    expectGrammar(events);
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'max_tokens', usage: { inputTokens: 100, outputTokens: 2 } });
    expect(context.warnings).toEqual(['usage: the upstream stream reported none, estimated']);
  });

  it('sends an item that arrives complete whole, a custom tool call as {"input": ...}, and drops late deltas with a warning', () => {
    const context = testContext();
    const events = decodeStream(
      sse([
        created,
        { type: 'response.output_item.done', output_index: 0, item: { id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: 'Whole.' }] } },
        { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'late' },
        { type: 'response.output_item.added', output_index: 1, item: { id: 'ctc_1', type: 'custom_tool_call', call_id: 'call_c', name: 'apply_patch', input: '' } },
        { type: 'response.custom_tool_call_input.delta', item_id: 'ctc_1', delta: '*** Begin' },
        { type: 'response.custom_tool_call_input.delta', item_id: 'ctc_1', delta: ' Patch' },
        { type: 'response.output_item.done', output_index: 1, item: { id: 'ctc_1', type: 'custom_tool_call', call_id: 'call_c', name: 'apply_patch', input: '*** Begin Patch' } },
        { type: 'response.output_item.done', output_index: 2, item: { id: 'fc_1', type: 'function_call', call_id: 'call_f', name: 'f', arguments: '{"a":1}' } },
        completed(),
      ]),
      context,
    );
    expectGrammar(events);
    expect(events.slice(1, -1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Whole.' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_c', name: 'apply_patch' } },
      { type: 'tool_args_delta', index: 1, json: '{"input":"*** Begin Patch"}' },
      { type: 'block_stop', index: 1 },
      { type: 'block_start', index: 2, block: { type: 'tool_call', id: 'call_f', name: 'f' } },
      { type: 'tool_args_delta', index: 2, json: '{"a":1}' },
      { type: 'block_stop', index: 2 },
    ]);
    expect(events.at(-1)).toMatchObject({ stopReason: 'tool_use' });
    expect(context.warnings).toEqual(['item msg_1: upstream sent content after the item was done, dropped']);
  });

  it("refuses a frame longer than the context's maxFrameChars with a bad_gateway", () => {
    const decoder = new ResponsesStreamDecoder(testContext({ maxFrameChars: 64 }));
    expect(() => decoder.push(Buffer.from(`data: ${'x'.repeat(64)}`))).toThrow(expect.objectContaining({ kind: 'bad_gateway' }));
  });
});
