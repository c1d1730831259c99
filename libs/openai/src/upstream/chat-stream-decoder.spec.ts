import { describe, expect, it } from '@jest/globals';
import type { IrStreamEvent, TranslationContext } from '@llm-router/core';
import OpenAI from 'openai';
import { ChatStreamEncoder } from '../encode/chat-stream-encoder.js';
import { fixtureBytes, fixtureJson, testContext } from '../test-context.spec-helper.js';
import { ChatStreamDecoder } from './chat-stream-decoder.js';
import { decodeChatCompletion } from './decode-chat-completion.js';

const PARIS = '{"city": "Paris", "unit": "celsius"}';
const TOKYO = '{"city": "Tokyo", "unit": "celsius"}';

/** Decodes `bytes` pushed in `pieces` (1 = whole), then ends the stream. */
function decodeStream(bytes: Buffer | string, context: TranslationContext = testContext(), pieces = 1): IrStreamEvent[] {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const decoder = new ChatStreamDecoder(context);
  const size = Math.ceil(buffer.length / pieces);
  const events: IrStreamEvent[] = [];
  for (let at = 0; at < buffer.length; at += size) events.push(...decoder.push(buffer.subarray(at, at + size)));
  return [...events, ...decoder.end()];
}

/** An SSE body of OpenAI chunks (`choices` given per chunk), optionally ending with `[DONE]`. */
function sse(chunks: Array<Record<string, unknown>>, done = true): string {
  const frames = chunks.map((chunk) => `data: ${JSON.stringify({ id: 'chatcmpl-t', object: 'chat.completion.chunk', created: 7, model: 'up', ...chunk })}\n\n`);
  return frames.join('') + (done ? 'data: [DONE]\n\n' : '');
}
const delta = (value: Record<string, unknown>, finishReason: string | null = null) => ({ choices: [{ index: 0, delta: value, finish_reason: finishReason }] });
const finish = (reason: string) => delta({}, reason);
const fragment = (index: number, args: string, first?: { id: string; name: string }) =>
  delta({ tool_calls: [first === undefined ? { index, function: { arguments: args } } : { index, id: first.id, type: 'function', function: { name: first.name, arguments: args } }] });
const usageChunk = (usage: Record<string, unknown>) => ({ choices: [], usage });

/** The arguments each tool block streamed, joined, by block index. */
function toolArguments(events: IrStreamEvent[]): Record<number, string> {
  const joined: Record<number, string> = {};
  for (const event of events) {
    if (event.type === 'block_start' && event.block.type === 'tool_call') joined[event.index] = '';
    if (event.type === 'tool_args_delta') joined[event.index] = (joined[event.index] ?? '') + event.json;
  }
  return joined;
}

function sdkFinal(text: string) {
  const client = new OpenAI({ apiKey: 'x', baseURL: 'http://router.test/v1', maxRetries: 0, fetch: async () => new Response(text, { headers: { 'content-type': 'text/event-stream' } }) });
  return client.chat.completions.stream({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'q' }], stream: true }).finalChatCompletion();
}

/** Decoded IR events re-encoded as an OpenAI client stream (with usage). */
function reencode(events: IrStreamEvent[]): string {
  const encoder = new ChatStreamEncoder(true);
  return events.map((event) => encoder.encode(event)).join('');
}

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

describe('ChatStreamDecoder: fixtures', () => {
  it('decodes basic.stream.sse (whole or byte by byte): start with the estimate, one text block, finish with the real usage', () => {
    const events = decodeStream(fixtureBytes('openai-chat/basic.stream.sse'));
    expectGrammar(events);
    expect(events[0]).toEqual({ type: 'start', id: 'chatcmpl-CWq3Q2bXfH8kZt4yNn0eRa6Ms1VoC', model: 'gpt-4.1-mini-2025-04-14', created: 1795442712, usage: { inputTokens: 100 } });
    expect(events[1]).toEqual({ type: 'block_start', index: 0, block: { type: 'text' } });
    const text = events.flatMap((event) => (event.type === 'text_delta' ? [event.text] : [])).join('');
    expect(text).toBe('Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.');
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 27, outputTokens: 23, cacheReadTokens: 0, reasoningTokens: 0 } });
    const bytes = fixtureBytes('openai-chat/basic.stream.sse');
    expect(decodeStream(bytes, testContext(), bytes.length)).toEqual(events);
  });

  it('#1 decodes tools.stream.sse: the first fragment (id+name only) starts the block, each of the >=5 fragments is a delta on it, the joined arguments equal the non-stream input', () => {
    const context = testContext();
    const events = decodeStream(fixtureBytes('openai-chat/tools.stream.sse'), context);
    expectGrammar(events);
    expect(events[1]).toEqual({ type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather' } });
    expect(events[2]).toMatchObject({ type: 'tool_args_delta', index: 0, json: '{"ci' });
    const deltas = (index: number) => events.filter((event) => event.type === 'tool_args_delta' && event.index === index);
    expect(deltas(0).length).toBeGreaterThanOrEqual(5);
    expect(deltas(1).length).toBeGreaterThanOrEqual(5);
    expect(toolArguments(events)).toEqual({ 0: PARIS, 1: TOKYO });

    const nonStream = decodeChatCompletion(fixtureJson('openai-chat/tools.response.json'), testContext());
    const streamedInputs = Object.values(toolArguments(events)).map((json) => JSON.parse(json) as unknown);
    expect(streamedInputs).toEqual(nonStream.parts.map((part) => (part.type === 'tool_call' ? part.arguments : undefined)));
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: nonStream.stopReason });
    expect(context.warnings).toEqual([]);
  });

  it('#2 gives two parallel calls two blocks with distinct ids, and the re-encoded stream is tools.response.json to the SDK', async () => {
    const events = decodeStream(fixtureBytes('openai-chat/tools.stream.sse'));
    const starts = events.filter((event) => event.type === 'block_start');
    expect(starts).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather' } },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather' } },
    ]);

    const expected = fixtureJson('openai-chat/tools.response.json') as OpenAI.Chat.ChatCompletion;
    const final = await sdkFinal(reencode(events));
    expect(final).toMatchObject({ id: expected.id, model: expected.model, created: expected.created });
    expect(final.choices[0]?.finish_reason).toBe(expected.choices[0]?.finish_reason);
    expect(final.choices[0]?.message.content ?? null).toBe(expected.choices[0]?.message.content);
    expect(final.choices[0]?.message.tool_calls).toEqual(expected.choices[0]?.message.tool_calls);
    expect(final.usage).toMatchObject({ prompt_tokens: 92, completion_tokens: 51, total_tokens: 143 });
  });

  it('re-encodes basic.stream.sse into what the SDK accumulates as basic.response.json', async () => {
    const expected = fixtureJson('openai-chat/basic.response.json') as OpenAI.Chat.ChatCompletion;
    const final = await sdkFinal(reencode(decodeStream(fixtureBytes('openai-chat/basic.stream.sse'))));
    expect(final.choices[0]?.message.content).toBe(expected.choices[0]?.message.content);
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(final.usage).toMatchObject({ prompt_tokens: 27, completion_tokens: 23, total_tokens: 50 });
  });

  it('decodes error.midstream.sse into the text so far and an error, which the re-encoded stream makes the SDK throw', async () => {
    const events = decodeStream(fixtureBytes('openai-chat/error.midstream.sse'));
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'text_delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' ? last.error : undefined).toMatchObject({
      kind: 'api_error',
      message: 'openai: The server had an error while processing your request. Sorry about that!',
      provider: 'openai',
      retryable: false,
    });
    const text = reencode(events);
    expect(text).not.toContain('[DONE]');
    await expect(sdkFinal(text)).rejects.toThrow(OpenAI.APIError);
  });
});

describe('ChatStreamDecoder: §6 bugs and stream rules', () => {
  it('#5 #6 records usage from a choices:[] chunk without indexing choices[0], and finishes with it', () => {
    const events = decodeStream(sse([delta({ role: 'assistant', content: 'hi' }), finish('stop'), usageChunk({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 })]));
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 5, outputTokens: 1 } });
  });

  it('#6 survives a usage-only first chunk and chunks without choices', () => {
    const events = decodeStream(sse([usageChunk({ prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 }), {}, delta({ content: 'x' }), finish('stop')]));
    expectGrammar(events);
    expect(events.at(-1)).toMatchObject({ type: 'finish', usage: { inputTokens: 5 } });
  });

  it('#7 splits cached tokens out in the streamed usage (9888 prompt, 6752 cached)', () => {
    const usage = { prompt_tokens: 9888, completion_tokens: 23, total_tokens: 9911, prompt_tokens_details: { cached_tokens: 6752 } };
    const events = decodeStream(sse([delta({ content: 'x' }), finish('stop'), usageChunk(usage)]));
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 9888, outputTokens: 23, cacheReadTokens: 6752 } });
  });

  it('#8 starts with the input estimate, never 0, and estimates the finish usage (with a warning) when the upstream sends none', () => {
    const context = testContext({ estimatedInputTokens: 250 });
    const events = decodeStream(sse([delta({ content: 'abcdefgh' }), finish('stop')]), context);
    expect(events[0]).toMatchObject({ type: 'start', usage: { inputTokens: 250 } });
    expect(events.at(-1)).toEqual({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 250, outputTokens: 2 } });
    expect(context.warnings).toEqual(['usage: the upstream stream reported none, estimated']);
  });

  it('streams reasoning as a thinking block, then the text as a text block', () => {
    const events = decodeStream(sse([delta({ reasoning_content: 'Let me ' }), delta({ reasoning: 'think.' }), delta({ content: 'Yes.' }), finish('stop')]));
    expectGrammar(events);
    expect(events.slice(1, -1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: 'Let me ' },
      { type: 'thinking_delta', index: 0, text: 'think.' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'text' } },
      { type: 'text_delta', index: 1, text: 'Yes.' },
      { type: 'block_stop', index: 1 },
    ]);
  });

  it('holds interleaved parallel calls and emits them whole at the finish, the open call streaming on', () => {
    const context = testContext();
    const events = decodeStream(
      sse([
        delta({ content: 'Checking.' }),
        fragment(0, '', { id: 'call_a', name: 'get_weather' }),
        fragment(1, '', { id: 'call_b', name: 'get_time' }),
        fragment(0, '{"city": '),
        fragment(1, '{"tz": '),
        fragment(0, '"Paris"}'),
        fragment(1, '"CET"}'),
        finish('tool_calls'),
        usageChunk({ prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 }),
      ]),
      context,
    );
    expectGrammar(events);
    expect(events.filter((event) => event.type === 'block_start').map((event) => event.block)).toEqual([
      { type: 'text' },
      { type: 'tool_call', id: 'call_a', name: 'get_weather' },
      { type: 'tool_call', id: 'call_b', name: 'get_time' },
    ]);
    expect(toolArguments(events)).toEqual({ 1: '{"city": "Paris"}', 2: '{"tz": "CET"}' });
    expect(events.filter((event) => event.type === 'tool_args_delta' && event.index === 1)).toHaveLength(2);
    expect(events.filter((event) => event.type === 'tool_args_delta' && event.index === 2)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'tool_use' });
    expect(context.warnings).toEqual([]);
  });

  it('starts a new call for a new id on a known index (servers that put every call on index 0), with call_<newId> for a missing id', () => {
    const events = decodeStream(
      sse([
        delta({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }),
        delta({ tool_calls: [{ index: 0, id: 'call_2', type: 'function', function: { name: 'f', arguments: '{"a":2}' } }] }),
        delta({ tool_calls: [{ index: 1, type: 'function', function: { name: 'g', arguments: '{}' } }] }),
        finish('stop'),
      ]),
    );
    expectGrammar(events);
    expect(events.filter((event) => event.type === 'block_start').map((event) => event.block)).toEqual([
      { type: 'tool_call', id: 'call_1', name: 'f' },
      { type: 'tool_call', id: 'call_2', name: 'f' },
      { type: 'tool_call', id: 'call_id0000000000000000000001', name: 'g' },
    ]);
    expect(toolArguments(events)).toEqual({ 0: '{"a":1}', 1: '{"a":2}', 2: '{}' });
    expect(events.at(-1)).toMatchObject({ stopReason: 'tool_use' });
  });

  it('drops (with a warning) fragments for a call that was already complete and closed', () => {
    const context = testContext();
    const events = decodeStream(sse([fragment(0, '{}', { id: 'c1', name: 'f' }), fragment(1, '{}', { id: 'c2', name: 'g' }), fragment(0, '{"late":1}'), fragment(0, '{"later":2}'), finish('tool_calls'), usageChunk({ prompt_tokens: 1, completion_tokens: 1 })]), context);
    expectGrammar(events);
    expect(toolArguments(events)).toEqual({ 0: '{}', 1: '{}' });
    expect(context.warnings).toEqual(['tool_calls[0]: upstream sent arguments after the call was complete, dropped']);
  });

  it.each<[string, boolean, string]>([
    ['tool_calls', false, 'end_turn'],
    ['stop', true, 'tool_use'],
    ['length', true, 'max_tokens'],
    ['content_filter', false, 'content_filter'],
    ['function_call', true, 'tool_use'],
  ])('maps finish_reason %s (tool call: %s) to %s with the tool overrides', (reason, withCall, stopReason) => {
    const body = withCall ? [fragment(0, '{}', { id: 'c', name: 'f' }), finish(reason)] : [delta({ content: 'x' }), finish(reason)];
    expect(decodeStream(sse(body)).at(-1)).toMatchObject({ type: 'finish', stopReason });
  });

  it('finishes at the end of the body after a finish_reason even without [DONE]', () => {
    const events = decodeStream(sse([delta({ content: 'x' }), finish('length')], false));
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'max_tokens' });
  });

  it('reports a body that ends before any finish_reason as an error, never a fabricated finish', () => {
    const events = decodeStream(sse([delta({ role: 'assistant', content: '' }), fragment(0, '{"ci', { id: 'c', name: 'f' })], false));
    expect(events.map((event) => event.type)).toEqual(['start', 'block_start', 'tool_args_delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' ? last.error : undefined).toMatchObject({ kind: 'api_error', message: 'openai: upstream stream ended prematurely', provider: 'openai' });
    expect(decodeStream('')).toMatchObject([{ type: 'error' }]);
    expect(decodeStream('data: [DONE]\n\n')).toMatchObject([{ type: 'error', error: { message: 'openai: upstream stream ended without an answer' } }]);
  });

  it('turns an in-band error (data or event: error) into an error by its type', () => {
    const rateLimited = decodeStream(`${sse([delta({ content: 'x' })], false)}data: {"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}\n\n`);
    expect(rateLimited.at(-1)).toMatchObject({ type: 'error', error: { kind: 'rate_limit', code: 'rate_limit_exceeded', message: 'openai: slow down' } });
    const named = decodeStream('event: error\ndata: {"message":"overloaded","type":"overloaded_error"}\n\n');
    expect(named).toMatchObject([{ type: 'error', error: { kind: 'overloaded', message: 'openai: overloaded' } }]);
  });

  it('skips a chunk that is not a JSON object (reported to onSkippedFrame), and the stream goes on to its finish', () => {
    const skipped: string[] = [];
    const context = { ...testContext(), onSkippedFrame: (description: string) => skipped.push(description) };
    const events = decodeStream(`${sse([delta({ content: 'x' })], false)}data: {oops\n\ndata: [1,2]\n\n${sse([delta({ content: 'y' }), finish('stop')])}`, context);
    expect(events.filter((event) => event.type === 'text_delta').map((event) => (event.type === 'text_delta' ? event.text : ''))).toEqual(['x', 'y']);
    expect(events.at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
    expect(events.some((event) => event.type === 'error')).toBe(false);
    expect(skipped).toEqual(['openai: stream chunk that is not a JSON object skipped: "{oops"', 'openai: stream chunk that is not a JSON object skipped: "[1,2]"']);
  });

  it('a malformed last chunk of a body that ends without a finish: skipped, and the end is still a premature one', () => {
    const events = decodeStream(`${sse([delta({ content: 'x' })], false)}data: {"choices":[{"delta":{"cont`);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'api_error', message: 'openai: upstream stream ended prematurely' } });
  });

  it('ignores other choices (with one warning), keepalive comments, and everything after the end', () => {
    const context = testContext();
    const decoder = new ChatStreamDecoder(context);
    const other = { choices: [{ index: 1, delta: { content: 'second' }, finish_reason: null }] };
    const events = decoder.push(Buffer.from(`: keepalive\n\n${sse([delta({ content: 'first' }), other, other, finish('stop')])}`));
    expect(events.filter((event) => event.type === 'text_delta')).toEqual([{ type: 'text_delta', index: 0, text: 'first' }]);
    expect(events.at(-1)?.type).toBe('finish');
    expect(decoder.push(Buffer.from(sse([delta({ content: 'late' })])))).toEqual([]);
    expect(decoder.end()).toEqual([]);
    expect(context.warnings).toEqual(['n: only the first choice of the upstream stream is passed on', 'usage: the upstream stream reported none, estimated']);
  });

  it('refuses a chunk nested 5,000 deep as a bad_gateway error; streamed argument text is passed on unparsed, so any depth is safe', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const deepChunk = `data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"up","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":${deep}}}]}}]}\n\n`;
    expect(decodeStream(deepChunk, testContext(), 7)).toEqual([
      { type: 'error', error: expect.objectContaining({ kind: 'bad_gateway', message: expect.stringContaining('nested deeper than 128 levels') }) },
    ]);
    const asText = decodeStream(sse([fragment(0, deep, { id: 'call_1', name: 'f' }), finish('tool_calls')]));
    expect(asText.map((event) => event.type)).toEqual(['start', 'block_start', 'tool_args_delta', 'block_stop', 'finish']);
    expect(asText[2]).toMatchObject({ json: deep });
  });

  it("refuses a frame longer than the context's maxFrameChars (server.stream_frame_limit_mb) with a bad_gateway", () => {
    const decoder = new ChatStreamDecoder(testContext({ maxFrameChars: 64 }));
    expect(() => decoder.push(Buffer.from(`data: ${'x'.repeat(64)}`))).toThrow(expect.objectContaining({ kind: 'bad_gateway', message: 'upstream sent an SSE frame longer than 64 characters' }));
  });
});
