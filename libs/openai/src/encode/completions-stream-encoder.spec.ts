import { describe, expect, it } from '@jest/globals';
import { type IrStreamEvent, RouterError, SseParser } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { CompletionsStreamEncoder } from './completions-stream-encoder.js';

const CREATED = 1795442712;
const TEXT = ['\n', 'Soft', ' drops', ' on', ' the', ' roof'];

function events(finishReason: 'max_tokens' | 'end_turn'): IrStreamEvent[] {
  return [
    { type: 'start', id: 'cmpl-CWq4f8Hb2Mz6Rk0Pq3Wn9Ls4Tj7G', model: 'gpt-3.5-turbo-instruct', created: CREATED },
    { type: 'block_start', index: 0, block: { type: 'text' } },
    ...TEXT.map((text): IrStreamEvent => ({ type: 'text_delta', index: 0, text })),
    { type: 'block_stop', index: 0 },
    { type: 'finish', stopReason: finishReason, usage: { inputTokens: 8, outputTokens: 12 } },
  ];
}

function encodeAll(list: IrStreamEvent[], includeUsage: boolean): string {
  const encoder = new CompletionsStreamEncoder(includeUsage);
  return list.map((event) => encoder.encode(event)).join('');
}

function sdk(sse: string): OpenAI {
  return new OpenAI({
    apiKey: 'x',
    baseURL: 'http://router.test/v1',
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
  });
}

async function collect(sse: string): Promise<OpenAI.Completions.Completion[]> {
  const stream = await sdk(sse).completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'rain', stream: true });
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('CompletionsStreamEncoder', () => {
  it('emits chunks shaped like the fixture stream, with finish_reason last and [DONE]', async () => {
    const sse = encodeAll(events('max_tokens'), false);
    const frames = new SseParser().push(sse);
    expect(frames.at(-1)?.data).toBe('[DONE]');
    const fixtureChunk = JSON.parse(
      new SseParser().push(readFileSync(new URL('../../../testing/fixtures/openai-completions/stream.sse', import.meta.url)))[0]!.data,
    );
    const first = JSON.parse(frames[0]!.data);
    expect(Object.keys(first)).toEqual(Object.keys(fixtureChunk));
    expect(Object.keys(first.choices[0])).toEqual(Object.keys(fixtureChunk.choices[0]));

    const chunks = await collect(sse);
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join('')).toBe(TEXT.join(''));
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([...TEXT.map(() => null), 'length']);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'cmpl-CWq4f8Hb2Mz6Rk0Pq3Wn9Ls4Tj7G', object: 'text_completion', created: CREATED, model: 'gpt-3.5-turbo-instruct' });
    }
  });

  it('with includeUsage sends usage:null on each chunk and the usage chunk last before [DONE]', async () => {
    const sse = encodeAll(events('end_turn'), true);
    const chunks = await collect(sse);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual({ prompt_tokens: 8, completion_tokens: 12, total_tokens: 20 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('ends a failed stream with the error frame and no [DONE]; the SDK throws', async () => {
    const encoder = new CompletionsStreamEncoder(false);
    const sse = [
      ...events('end_turn').slice(0, 3).map((event) => encoder.encode(event)),
      encoder.encode({ type: 'error', error: new RouterError('timeout', 'upstream idle for 30s') }),
    ].join('');
    expect(sse).not.toContain('[DONE]');
    expect(encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } })).toBe('');
    await expect(collect(sse)).rejects.toThrow(/upstream idle for 30s/);
  });

  it('sends nothing for start, tool and thinking events', () => {
    const encoder = new CompletionsStreamEncoder(false);
    expect(encoder.encode({ type: 'start', id: 'x', model: 'm', created: 0 })).toBe('');
    expect(encoder.encode({ type: 'block_start', index: 0, block: { type: 'tool_call', id: 'c', name: 'f' } })).toBe('');
    expect(encoder.encode({ type: 'tool_args_delta', index: 0, json: '{}' })).toBe('');
    expect(encoder.encode({ type: 'thinking_delta', index: 1, text: 'hmm' })).toBe('');
    expect(encoder.encode({ type: 'text_delta', index: 2, text: '' })).toBe('');
  });
});
