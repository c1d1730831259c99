import { describe, expect, it } from '@jest/globals';
import type { IrStopReason } from '@llm-router/core';
import { mapCompletionFinishReason } from './map-completion-finish-reason.js';
import { mapFinishReason } from './map-finish-reason.js';

const ALL: IrStopReason[] = ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'content_filter', 'pause', 'other'];

describe('mapFinishReason', () => {
  it.each<[IrStopReason, string]>([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause', 'stop'],
    ['other', 'stop'],
    ['max_tokens', 'length'],
    ['content_filter', 'content_filter'],
    ['tool_use', 'stop'],
  ])('maps %s without tool calls to %s (never tool_calls without a call)', (reason, expected) => {
    expect(mapFinishReason(reason, false)).toBe(expected);
  });

  it('forces tool_calls whenever a call was emitted, unless the token limit cut the turn', () => {
    for (const reason of ALL) expect(mapFinishReason(reason, true)).toBe(reason === 'max_tokens' ? 'length' : 'tool_calls');
  });

  it('only ever yields values of the OpenAI enum (§6 #9)', () => {
    const values = ALL.flatMap((reason) => [mapFinishReason(reason, false), mapFinishReason(reason, true)]);
    for (const value of values) expect(['stop', 'length', 'tool_calls', 'content_filter']).toContain(value);
  });
});

describe('mapCompletionFinishReason', () => {
  it('limits legacy completions to stop|length|content_filter', () => {
    expect(ALL.map(mapCompletionFinishReason)).toEqual(['stop', 'length', 'stop', 'stop', 'content_filter', 'stop', 'stop']);
  });
});
