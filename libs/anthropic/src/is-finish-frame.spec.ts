import { describe, expect, it } from '@jest/globals';
import { SseParser } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { isFinishFrame } from './is-finish-frame.js';
import { isTerminalFrame, MESSAGE_STOP_FRAME } from './is-terminal-frame.js';

const frames = (path: string) => new SseParser().push(readFileSync(new URL(`../../testing/fixtures/${path}`, import.meta.url)));

describe('isFinishFrame', () => {
  it.each(['anthropic/basic.stream.sse', 'anthropic/tools.stream.sse', 'anthropic/thinking.stream.sse'])('finds exactly the message_delta of %s', (path) => {
    const all = frames(path);
    const finishes = all.filter(isFinishFrame);
    expect(finishes).toHaveLength(1);
    expect(finishes[0]?.event).toBe('message_delta');
  });

  it('is false for a message_delta without a stop_reason, other events and unreadable data', () => {
    expect(isFinishFrame({ event: 'message_delta', data: '{"type":"message_delta","delta":{"stop_reason":null},"usage":{"output_tokens":1}}' })).toBe(false);
    expect(isFinishFrame({ event: 'content_block_delta', data: '{"type":"message_delta","delta":{"stop_reason":"end_turn"}}' })).toBe(false);
    expect(isFinishFrame({ event: 'message_delta', data: '{"type":"message_delta","delta":' })).toBe(false);
  });

  it('accepts an unnamed frame by its data type', () => {
    expect(isFinishFrame({ data: '{"type":"message_delta","delta":{"stop_reason":"tool_use"}}' })).toBe(true);
  });
});

describe('MESSAGE_STOP_FRAME', () => {
  it('is the terminal frame, as Anthropic writes it', () => {
    expect(MESSAGE_STOP_FRAME).toBe('event: message_stop\ndata: {"type":"message_stop"}\n\n');
    const [frame] = new SseParser().push(MESSAGE_STOP_FRAME);
    expect(isTerminalFrame(frame!)).toBe(true);
  });
});
