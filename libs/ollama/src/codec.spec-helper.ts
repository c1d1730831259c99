// Spec-only helpers (excluded from the build): a deterministic TranslationContext, the Ollama fixtures,
// chunked stream decoding and a check of the IR stream grammar.
import { expect } from '@jest/globals';
import type { IrRequest, IrStreamEvent, StreamDecoder, TranslationContext } from '@llm-router/core';
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../testing/fixtures/ollama/', import.meta.url);

/** The bytes of libs/testing/fixtures/ollama/<name>. */
export function ollamaFixture(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

/** A JSON fixture, parsed (a fresh object per call). */
export function ollamaFixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(ollamaFixture(name).toString('utf8')) as Record<string, unknown>;
}

/** A context whose ids are `id1`, `id2`… in call order. */
export function testContext(overrides: Partial<TranslationContext> = {}): TranslationContext {
  let next = 0;
  return {
    upstreamModel: 'llama3.2',
    defaultMaxTokens: 4096,
    estimatedInputTokens: 40,
    warnings: [],
    newId: () => `id${++next}`,
    ...overrides,
  };
}

/** A minimal chat request: one user text message, not streamed. */
export function irRequest(overrides: Partial<IrRequest> = {}): IrRequest {
  return {
    model: 'client-model',
    system: [],
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
    stream: false,
    ...overrides,
  };
}

/** Pushes `bytes` in chunks whose sizes cycle through `sizes`, then ends the stream; all events in order. */
export function decodeInChunks(decoder: StreamDecoder, bytes: Buffer, sizes: readonly number[] = [bytes.length]): IrStreamEvent[] {
  const events: IrStreamEvent[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? bytes.length;
    events.push(...decoder.push(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  events.push(...decoder.end());
  return events;
}

/**
 * The IR stream grammar (ir-stream-event.ts): `start` first (unless an error comes before anything), blocks
 * 0,1,2… started in order, every delta inside its open block, blocks closed before the next one starts, and
 * exactly one final `finish` or `error`.
 */
export function expectStreamGrammar(events: readonly IrStreamEvent[]): void {
  expect(events.length).toBeGreaterThan(0);
  const last = events[events.length - 1];
  expect(['finish', 'error']).toContain(last?.type);
  if (events[0]?.type !== 'error') expect(events[0]?.type).toBe('start');
  let nextIndex = 0;
  let open: number | undefined;
  events.forEach((event, position) => {
    if (position > 0) expect(event.type).not.toBe('start');
    if (position < events.length - 1) expect(['finish', 'error']).not.toContain(event.type);
    switch (event.type) {
      case 'block_start':
        expect(open).toBeUndefined();
        expect(event.index).toBe(nextIndex++);
        open = event.index;
        break;
      case 'block_stop':
        expect(event.index).toBe(open);
        open = undefined;
        break;
      case 'text_delta':
      case 'thinking_delta':
      case 'tool_args_delta':
      case 'signature_delta':
        expect(event.index).toBe(open);
        break;
      case 'finish':
        expect(open).toBeUndefined();
        break;
      case 'start':
      case 'error':
        break;
    }
  });
}
