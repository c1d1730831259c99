import { expect } from '@jest/globals';
import { SseParser, type ClientFormat } from '@llm-router/core';
import { replayAnthropic, replayOpenAIChat, replayOpenAICompletions, replayOpenAIResponses } from './sdk-replay.spec-helper.js';

// Wire-level rules of a client stream (docs/protocols.md §0 and §5.8), checked frame by frame on top of
// what the SDK accumulators accept.

export interface ClientFrame {
  event: string | undefined;
  /** The parsed `data:` JSON, or the string `[DONE]`. */
  data: Record<string, unknown> | '[DONE]';
}

export function clientFrames(sse: string): ClientFrame[] {
  const parser = new SseParser();
  const frames = parser.push(sse).map(({ event, data }) => ({ event, data: data === '[DONE]' ? ('[DONE]' as const) : (JSON.parse(data) as Record<string, unknown>) }));
  expect(parser.pending).toBe('');
  return frames;
}

/** The official SDK's accumulation of a client stream, in the client's answer shape. */
export function replay(client: ClientFormat, sse: string): Promise<unknown> {
  switch (client) {
    case 'openai-chat':
      return replayOpenAIChat(sse);
    case 'openai-completions':
      return replayOpenAICompletions(sse);
    case 'openai-responses':
      return replayOpenAIResponses(sse);
    case 'anthropic-messages':
      return replayAnthropic(sse);
  }
}

/**
 * §8.3: every event has an `event:` line naming its `type` and a `sequence_number` counting from 0;
 * `response.created` then `response.in_progress` first; every item opened (`output_item.added`) before its
 * deltas and done, with one id throughout; `output_index` counting items; one terminal event, last.
 */
function expectResponsesStreamShape(frames: ClientFrame[]): Array<Record<string, unknown>> {
  const events = frames.map(({ event, data }, i) => {
    if (data === '[DONE]') throw new Error('a Responses stream has no [DONE]');
    expect(event).toBe(data['type']);
    expect(data['sequence_number']).toBe(i);
    return data;
  });
  expect(events.slice(0, 2).map((event) => event['type'])).toEqual(['response.created', 'response.in_progress']);
  const ids = new Map<number, string>();
  for (const event of events) {
    const index = event['output_index'];
    if (typeof index !== 'number') continue;
    const item = event['item'] as { id?: string } | undefined;
    if (event['type'] === 'response.output_item.added') {
      expect(index).toBe(ids.size);
      ids.set(index, String(item?.id));
    } else {
      expect(ids.get(index)).toBe(event['type'] === 'response.output_item.done' ? item?.id : event['item_id']);
    }
  }
  return events;
}

/**
 * A stream that ended well:
 * - OpenAI: every chunk names the client's model; the first chat chunk has `role:"assistant"` (§6 #10);
 *   with usage asked, every other chunk has `usage:null` and the last chunk before `[DONE]` is
 *   `choices:[]` with the usage (§6 #5); `[DONE]` last.
 * - Anthropic: an `event:` line naming each data's type (§0.1, §6 #18); `message_start` first with the
 *   client's model; block indexes 0,1,2… in start order (§0.5); `message_stop` last.
 */
export function expectSuccessfulStream(client: ClientFormat, sse: string, clientModel: string, includeUsage: boolean): void {
  const frames = clientFrames(sse);
  if (client === 'anthropic-messages') {
    const events = frames.map(({ event, data }) => {
      if (data === '[DONE]') throw new Error('an Anthropic stream has no [DONE]');
      expect(event).toBe(data['type']);
      return data;
    });
    expect(events[0]?.['type']).toBe('message_start');
    expect((events[0]?.['message'] as { model?: unknown } | undefined)?.model).toBe(clientModel);
    expect(events.slice(-2).map((event) => event['type'])).toEqual(['message_delta', 'message_stop']);
    const started = events.filter((event) => event['type'] === 'content_block_start').map((event) => event['index']);
    expect(started).toEqual(started.map((_, i) => i));
    return;
  }
  if (client === 'openai-responses') {
    const events = expectResponsesStreamShape(frames);
    const last = events.at(-1);
    expect(['response.completed', 'response.incomplete']).toContain(last?.['type']);
    expect((last?.['response'] as { model?: unknown; usage?: unknown } | undefined)?.model).toBe(clientModel);
    expect((last?.['response'] as { usage?: unknown } | undefined)?.usage).toEqual(expect.objectContaining({ input_tokens: expect.any(Number) }));
    return;
  }
  expect(frames.at(-1)?.data).toBe('[DONE]');
  const chunks = frames.slice(0, -1).map((frame) => frame.data as Record<string, unknown>);
  for (const chunk of chunks) {
    expect(chunk['model']).toBe(clientModel);
    expect(chunk['object']).toBe(client === 'openai-chat' ? 'chat.completion.chunk' : 'text_completion');
  }
  if (client === 'openai-chat') expect(chunks[0]?.['choices']).toMatchObject([{ delta: { role: 'assistant' } }]);
  if (includeUsage) {
    const last = chunks.at(-1);
    expect(last?.['choices']).toEqual([]);
    expect(last?.['usage']).toEqual(expect.objectContaining({ prompt_tokens: expect.any(Number) }));
    for (const chunk of chunks.slice(0, -1)) expect(chunk['usage']).toBeNull();
  } else {
    for (const chunk of chunks) expect(chunk['usage'] ?? null).toBeNull();
  }
}

/**
 * A stream that failed after it started (§0.3, §5.9): it ends with the client format's in-band error
 * (OpenAI `data: {"error":…}` without `[DONE]`; Anthropic `event: error` without `message_delta` or
 * `message_stop`), nothing follows it, and the SDK throws. Returns the error object for further checks.
 */
export async function expectInBandError(client: ClientFormat, sse: string): Promise<Record<string, unknown>> {
  const frames = clientFrames(sse);
  const last = frames.at(-1);
  if (last === undefined || last.data === '[DONE]') throw new Error(`the stream does not end with an in-band error:\n${sse}`);
  if (client === 'openai-responses') {
    const events = expectResponsesStreamShape(frames);
    expect(last.event).toBe('error');
    const types = events.map((event) => event['type']);
    expect(types.at(-2)).toBe('response.failed');
    expect(types).not.toContain('response.completed');
    expect(types).not.toContain('response.incomplete');
  } else if (client === 'anthropic-messages') {
    expect(last.event).toBe('error');
    expect(last.data['type']).toBe('error');
    const types = frames.map((frame) => (frame.data === '[DONE]' ? '[DONE]' : frame.data['type']));
    expect(types).not.toContain('message_stop');
    expect(types).not.toContain('message_delta');
  } else {
    expect(last.event).toBeUndefined();
    expect(frames.some((frame) => frame.data === '[DONE]')).toBe(false);
  }
  await expect(replay(client, sse)).rejects.toThrow();
  return last.data['error'] as Record<string, unknown>;
}
