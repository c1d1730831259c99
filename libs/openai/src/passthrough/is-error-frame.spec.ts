import { describe, expect, it } from '@jest/globals';
import { SseParser } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { isErrorFrame } from './is-error-frame.js';

const frames = (path: string) => new SseParser().push(readFileSync(new URL(`../../../testing/fixtures/${path}`, import.meta.url)));

describe('isErrorFrame', () => {
  it('finds the error frame of the mid-stream fixture and nothing else', () => {
    const all = frames('openai-chat/error.midstream.sse');
    expect(all.map(isErrorFrame)).toEqual([...all.slice(0, -1).map(() => false), true]);
    expect(frames('openai-chat/tools.stream.sse').some(isErrorFrame)).toBe(false);
  });

  it('accepts an event: error frame and spacing, refuses content that merely mentions an error', () => {
    expect(isErrorFrame({ event: 'error', data: '{"message":"x"}' })).toBe(true);
    expect(isErrorFrame({ data: '{ "error" : {"message":"x"}}' })).toBe(true);
    expect(isErrorFrame({ data: '{"choices":[{"delta":{"content":"{\\"error\\": 1}"}}]}' })).toBe(false);
  });
});
