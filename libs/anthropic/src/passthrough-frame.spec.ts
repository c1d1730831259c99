import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { SseParser } from '@llm-router/core';
import { isErrorFrame, isTerminalFrame } from './is-terminal-frame.js';
import { passthroughFrame } from './passthrough-frame.js';

function frames(name: string) {
  const text = readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8');
  return new SseParser().push(text);
}

async function finalMessage(sse: string): Promise<Anthropic.Message> {
  const client = new Anthropic({
    apiKey: 'x',
    maxRetries: 0,
    fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
  });
  return client.messages.stream({ model: 'm', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
}

describe('passthroughFrame', () => {
  it.each(['basic.stream.sse', 'tools.stream.sse', 'thinking.stream.sse', 'error.midstream.sse'])(
    'changes only the model of message_start in %s',
    (name) => {
      for (const frame of frames(name)) {
        const out = passthroughFrame(frame, 'my-alias');
        if (frame.event === 'message_start') {
          expect(out).toBe(frame.raw.replace('"model":"claude-haiku-4-5-20251001"', '"model":"my-alias"'));
          expect(out).not.toBe(frame.raw);
        } else {
          // The very same string: byte-identical, nothing re-serialised.
          expect(out).toBe(frame.raw);
        }
      }
    },
  );

  it('keeps thinking signatures byte-identical and the SDK accumulates the passthrough', async () => {
    const source = frames('thinking.stream.sse');
    const signatureFrame = source.find((frame) => frame.data.includes('signature_delta'));
    expect(signatureFrame).toBeDefined();
    if (signatureFrame === undefined) return;
    expect(passthroughFrame(signatureFrame, 'my-alias')).toBe(signatureFrame.raw);

    const message = await finalMessage(source.map((frame) => passthroughFrame(frame, 'my-alias')).join(''));
    expect(message.model).toBe('my-alias');
    const thinking = message.content[0];
    expect(thinking?.type).toBe('thinking');
    if (thinking?.type === 'thinking') expect(thinking.signature).toMatch(/^EqQBCkgIBxABGAIi/);
  });

  it('JSON-escapes the client model and never reads it as a replacement pattern', () => {
    const [start] = frames('basic.stream.sse');
    if (start === undefined) throw new Error('empty fixture');
    const model = 'we"ird\\model$&$1\u2028';
    const out = passthroughFrame(start, model);
    const data: unknown = JSON.parse(out.slice(out.indexOf('data: ') + 6));
    expect(data).toMatchObject({ type: 'message_start', message: { model, id: 'msg_01TgKq8wZr3Vn6YpLs2Dc9Ae' } });
  });

  it('replaces only the first model value, tolerating spacing and escaped quotes in the old value', () => {
    const raw = 'event: message_start\ndata: {"type":"message_start","message":{"model" : "a\\"b","x":{"model":"keep"}}}\n\n';
    const out = passthroughFrame({ event: 'message_start', data: '', raw }, 'alias');
    expect(out).toBe('event: message_start\ndata: {"type":"message_start","message":{"model" : "alias","x":{"model":"keep"}}}\n\n');
  });

  it('recognises an unnamed message_start by its data', () => {
    const data = '{"type":"message_start","message":{"model":"upstream"}}';
    const out = passthroughFrame({ data, raw: `data: ${data}\n\n` }, 'alias');
    expect(out).toBe('data: {"type":"message_start","message":{"model":"alias"}}\n\n');
  });
});

describe('isTerminalFrame', () => {
  it('is true only for message_stop', () => {
    const source = frames('tools.stream.sse');
    expect(source.map(isTerminalFrame)).toEqual(source.map((frame, i) => i === source.length - 1));
    expect(frames('error.midstream.sse').some(isTerminalFrame)).toBe(false);
  });

  it('accepts an unnamed frame whose data type is message_stop', () => {
    expect(isTerminalFrame({ data: '{"type":"message_stop"}' })).toBe(true);
    expect(isTerminalFrame({ data: '{"type":"ping"}' })).toBe(false);
    expect(isTerminalFrame({ data: 'not json' })).toBe(false);
    expect(isTerminalFrame({ event: 'ping', data: '{"type":"message_stop"}' })).toBe(false);
  });
});

describe('isErrorFrame', () => {
  it('finds the event: error of the mid-stream fixture and nothing else', () => {
    const frames = new SseParser().push(readFileSync(new URL('../../testing/fixtures/anthropic/error.midstream.sse', import.meta.url)));
    expect(frames.map(isErrorFrame)).toEqual([...frames.slice(0, -1).map(() => false), true]);
    expect(isErrorFrame({ data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' })).toBe(true);
    expect(isErrorFrame({ event: 'ping', data: '{"type":"ping"}' })).toBe(false);
  });
});
