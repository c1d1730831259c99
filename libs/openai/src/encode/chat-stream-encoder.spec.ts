import { describe, expect, it } from '@jest/globals';
import { type IrStreamEvent, RouterError, SseParser } from '@llm-router/core';
import OpenAI from 'openai';
import { ChatStreamEncoder } from './chat-stream-encoder.js';

const PARIS = '{"city": "Paris", "unit": "celsius"}';
const TOKYO = '{"city": "Tokyo", "unit": "celsius"}';
const CREATED = 1795442712;

/** `json` cut into `count` fragments, as an upstream streams tool arguments. */
function fragments(json: string, count: number): string[] {
  const size = Math.ceil(json.length / count);
  return Array.from({ length: count }, (_, i) => json.slice(i * size, (i + 1) * size));
}

/** The tools fixture as IR: optionally thinking + text first, then two parallel calls with ≥5 argument fragments each. */
function toolEvents(withLeadingBlocks: boolean): IrStreamEvent[] {
  const events: IrStreamEvent[] = [{ type: 'start', id: 'chatcmpl-CWq3V7nKc2Lp9Qx4Rt6Ys1Bm8Dh0E', model: 'gpt-4.1-mini', created: CREATED }];
  let block = 0;
  if (withLeadingBlocks) {
    events.push(
      { type: 'block_start', index: block, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: block, text: 'Two cities, two calls.' },
      { type: 'signature_delta', index: block, signature: 'EqQBCkYIBxgCKkA' },
      { type: 'block_stop', index: block++ },
      { type: 'block_start', index: block, block: { type: 'text' } },
      { type: 'text_delta', index: block, text: 'Checking both.' },
      { type: 'block_stop', index: block++ },
    );
  }
  for (const [id, json] of [
    ['call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', PARIS],
    ['call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', TOKYO],
  ] as const) {
    events.push({ type: 'block_start', index: block, block: { type: 'tool_call', id, name: 'get_weather' } });
    events.push({ type: 'tool_args_delta', index: block, json: '' });
    for (const piece of fragments(json, 5)) events.push({ type: 'tool_args_delta', index: block, json: piece });
    events.push({ type: 'block_stop', index: block++ });
  }
  events.push({ type: 'finish', stopReason: 'tool_use', usage: { inputTokens: 92, outputTokens: 51 } });
  return events;
}

function encodeAll(events: IrStreamEvent[], includeUsage: boolean): string {
  const encoder = new ChatStreamEncoder(includeUsage);
  return events.map((event) => encoder.encode(event)).join('');
}

/** The data of each frame, JSON-parsed except `[DONE]`. */
function frameData(sse: string): unknown[] {
  return new SseParser().push(sse).map((frame) => (frame.data === '[DONE]' ? '[DONE]' : JSON.parse(frame.data)));
}

function sdk(sse: string): OpenAI {
  return new OpenAI({
    apiKey: 'x',
    baseURL: 'http://router.test/v1',
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
  });
}

const finalChatCompletion = (sse: string) =>
  sdk(sse)
    .chat.completions.stream({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'weather?' }], stream: true })
    .finalChatCompletion();

interface WireToolCall {
  index: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments: string };
}
interface WireChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: Array<{ delta: { role?: string; content?: string; tool_calls?: WireToolCall[] }; finish_reason: string | null }>;
  usage?: unknown;
}

describe('ChatStreamEncoder', () => {
  it.each([false, true])('streams two parallel tool calls the SDK accumulates intact (leading thinking+text: %s)', async (leading) => {
    const sse = encodeAll(toolEvents(leading), false);
    const completion = await finalChatCompletion(sse);
    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    const calls = choice?.message.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    const functions = calls.map((call) => (call.type === 'function' ? call.function : undefined));
    expect(functions.map((f) => f?.name)).toEqual(['get_weather', 'get_weather']);
    expect(functions.map((f) => JSON.parse(f?.arguments ?? 'null'))).toEqual([JSON.parse(PARIS), JSON.parse(TOKYO)]);
    expect(calls.map((call) => call.id)).toEqual(['call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb']);
    expect(choice?.message.content ?? '').toBe(leading ? 'Checking both.' : '');
    expect(sse).not.toContain('Two cities');
    expect(sse).not.toContain('EqQBCkYIBxgCKkA');
  });

  it('numbers tool calls 0 and 1, names them only in their first fragment and skips empty fragments', () => {
    const chunks = frameData(encodeAll(toolEvents(true), false)).filter((d): d is WireChunk => d !== '[DONE]');
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(toolDeltas.map((d) => d.index)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const firsts = toolDeltas.filter((d) => d.id !== undefined);
    expect(firsts).toEqual([
      { index: 0, id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', type: 'function', function: { name: 'get_weather', arguments: '' } },
    ]);
    const rest = toolDeltas.filter((d) => d.id === undefined);
    expect(rest.every((d) => Object.keys(d).join() === 'index,function' && Object.keys(d.function).join() === 'arguments')).toBe(true);
    expect(rest.every((d) => d.function.arguments !== '')).toBe(true);
    expect(rest.filter((d) => d.index === 0).map((d) => d.function.arguments).join('')).toBe(PARIS);
    expect(rest.filter((d) => d.index === 1).map((d) => d.function.arguments).join('')).toBe(TOKYO);
  });

  it('starts with the role chunk and keeps id, created and model on every chunk (§6 #10)', () => {
    const chunks = frameData(encodeAll(toolEvents(false), false));
    expect(chunks.at(-1)).toBe('[DONE]');
    const json = chunks.slice(0, -1) as WireChunk[];
    expect(json[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    for (const chunk of json) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-CWq3V7nKc2Lp9Qx4Rt6Ys1Bm8Dh0E', object: 'chat.completion.chunk', created: CREATED, model: 'gpt-4.1-mini' });
      expect(chunk).not.toHaveProperty('usage');
    }
    expect(json.at(-1)?.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' });
    expect(json.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
  });

  it('with includeUsage puts usage:null on every chunk and a choices:[] usage chunk last before [DONE] (§6 #5)', async () => {
    const events: IrStreamEvent[] = [
      { type: 'start', id: 'abc', model: 'alias', created: CREATED },
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Octopuses ' },
      { type: 'text_delta', index: 0, text: '' },
      { type: 'text_delta', index: 0, text: 'have three hearts.' },
      { type: 'block_stop', index: 0 },
      { type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 9888, outputTokens: 23, cacheReadTokens: 6752 } },
    ];
    const sse = encodeAll(events, true);
    const chunks = frameData(sse);
    expect(chunks).toHaveLength(6);
    expect(chunks.at(-1)).toBe('[DONE]');
    const usageChunk = chunks.at(-2) as WireChunk;
    expect(usageChunk).toEqual({
      id: 'chatcmpl-abc',
      object: 'chat.completion.chunk',
      created: CREATED,
      model: 'alias',
      choices: [],
      usage: { prompt_tokens: 9888, completion_tokens: 23, total_tokens: 9911, prompt_tokens_details: { cached_tokens: 6752 } },
    });
    for (const chunk of chunks.slice(0, -2) as WireChunk[]) expect(chunk.usage).toBeNull();

    const completion = await finalChatCompletion(sse);
    expect(completion.choices[0]?.message.content).toBe('Octopuses have three hearts.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(6752);
  });

  it('ends a failed stream with the error frame, no [DONE], and the SDK throws (§6 #14)', async () => {
    const encoder = new ChatStreamEncoder(true);
    const sse = [
      encoder.encode({ type: 'start', id: 'chatcmpl-x', model: 'alias', created: CREATED }),
      encoder.encode({ type: 'block_start', index: 0, block: { type: 'text' } }),
      encoder.encode({ type: 'text_delta', index: 0, text: 'Octopuses have' }),
      encoder.encode({ type: 'error', error: new RouterError('overloaded', 'anthropic: Overloaded', { status: 529 }) }),
    ].join('');
    expect(encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } })).toBe('');
    expect(sse).not.toContain('[DONE]');
    expect(sse.endsWith('data: {"error":{"message":"anthropic: Overloaded","type":"server_error","param":null,"code":null}}\n\n')).toBe(true);
    await expect(finalChatCompletion(sse)).rejects.toThrow(OpenAI.APIError);
    await expect(finalChatCompletion(sse)).rejects.toThrow(/anthropic: Overloaded/);
  });

  it('maps the finish reason without inventing or losing tool_calls', () => {
    const finish = (events: IrStreamEvent[]) => {
      const chunks = frameData(encodeAll(events, false)) as WireChunk[];
      return chunks.at(-2)?.choices[0]?.finish_reason;
    };
    const start: IrStreamEvent = { type: 'start', id: 'x', model: 'm', created: 0 };
    const usage = { inputTokens: 1, outputTokens: 1 };
    const tool: IrStreamEvent[] = [
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'c', name: 'f' } },
      { type: 'tool_args_delta', index: 0, json: '{"a":' },
    ];
    expect(finish([start, { type: 'finish', stopReason: 'tool_use', usage }])).toBe('stop');
    expect(finish([start, ...tool, { type: 'finish', stopReason: 'end_turn', usage }])).toBe('tool_calls');
    expect(finish([start, ...tool, { type: 'finish', stopReason: 'max_tokens', usage }])).toBe('length');
    expect(finish([start, { type: 'finish', stopReason: 'pause', usage }])).toBe('stop');
    expect(finish([start, { type: 'finish', stopReason: 'content_filter', usage }])).toBe('content_filter');
  });

  it('says nothing for thinking-only blocks, events before start and events after the end', () => {
    const encoder = new ChatStreamEncoder(false);
    expect(encoder.encode({ type: 'text_delta', index: 0, text: 'early' })).toBe('');
    expect(encoder.encode({ type: 'start', id: 'x', model: 'm', created: 0 })).not.toBe('');
    expect(encoder.encode({ type: 'start', id: 'y', model: 'm', created: 0 })).toBe('');
    expect(encoder.encode({ type: 'block_start', index: 0, block: { type: 'redacted_thinking', data: 'opaque' } })).toBe('');
    expect(encoder.encode({ type: 'block_stop', index: 0 })).toBe('');
    expect(encoder.encode({ type: 'tool_args_delta', index: 7, json: '{}' })).toBe('');
    expect(encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 0 } })).toMatch(/data: \[DONE\]\n\n$/);
    expect(encoder.encode({ type: 'text_delta', index: 0, text: 'late' })).toBe('');
    expect(encoder.encode({ type: 'error', error: new RouterError('api_error', 'late') })).toBe('');
  });
});
