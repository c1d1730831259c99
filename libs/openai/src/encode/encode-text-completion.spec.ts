import { describe, expect, it } from '@jest/globals';
import type { IrResponse } from '@llm-router/core';
import { encodeTextCompletion } from './encode-text-completion.js';

const base: IrResponse = {
  id: 'msg_01',
  model: 'gpt-3.5-turbo-instruct',
  parts: [{ type: 'text', text: ' Paris.' }],
  stopReason: 'end_turn',
  usage: { inputTokens: 5, outputTokens: 2 },
  created: 1795442712,
};

describe('encodeTextCompletion', () => {
  it('encodes a text_completion like the basic fixture', () => {
    expect(encodeTextCompletion(base)).toEqual({
      id: 'cmpl-msg_01',
      object: 'text_completion',
      created: 1795442712,
      model: 'gpt-3.5-turbo-instruct',
      choices: [{ text: ' Paris.', index: 0, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
  });

  it('keeps an existing cmpl- id, gives empty text for no text and limits finish_reason', () => {
    const out = encodeTextCompletion({ ...base, id: 'cmpl-x', parts: [], stopReason: 'max_tokens' });
    expect(out.id).toBe('cmpl-x');
    expect(out.choices[0]).toMatchObject({ text: '', finish_reason: 'length' });
    expect(encodeTextCompletion({ ...base, stopReason: 'tool_use' }).choices[0].finish_reason).toBe('stop');
    expect(encodeTextCompletion({ ...base, stopReason: 'content_filter' }).choices[0].finish_reason).toBe('content_filter');
  });
});
