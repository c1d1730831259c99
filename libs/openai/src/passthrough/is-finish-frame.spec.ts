import { describe, expect, it } from '@jest/globals';
import { SseParser } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { isFinishFrame } from './is-finish-frame.js';

const frames = (path: string) => new SseParser().push(readFileSync(new URL(`../../../testing/fixtures/${path}`, import.meta.url)));

describe('isFinishFrame', () => {
  it.each(['openai-chat/basic.stream.sse', 'openai-chat/tools.stream.sse', 'openai-completions/stream.sse'])(
    'finds exactly the finish chunk of %s (not the usage chunk, not [DONE])',
    (path) => {
      const all = frames(path);
      const finishes = all.map((frame, index) => (isFinishFrame(frame) ? index : -1)).filter((index) => index >= 0);
      expect(finishes).toHaveLength(1);
      const finish = JSON.parse(all[finishes[0]!]!.data) as { choices: Array<{ finish_reason: unknown }> };
      expect(typeof finish.choices[0]?.finish_reason).toBe('string');
    },
  );

  it('is false for a null finish_reason and for content that merely mentions one', () => {
    expect(isFinishFrame({ data: '{"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}' })).toBe(false);
    expect(isFinishFrame({ data: '{"choices":[{"delta":{"content":"{\\"finish_reason\\": \\"stop\\"}"},"finish_reason":null}]}' })).toBe(false);
    expect(isFinishFrame({ data: '[DONE]' })).toBe(false);
    expect(isFinishFrame({ data: '{"finish_reason":"stop"' })).toBe(false);
  });

  it('is true for any choice finishing, with spacing', () => {
    expect(isFinishFrame({ data: '{"choices":[{"index":0,"finish_reason" : "length"}]}' })).toBe(true);
    expect(isFinishFrame({ data: '{"choices":[{"index":0,"finish_reason":null},{"index":1,"finish_reason":"stop"}]}' })).toBe(true);
  });
});
