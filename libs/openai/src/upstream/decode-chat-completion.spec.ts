import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { fixtureJson, rejection, testContext } from '../test-context.spec-helper.js';
import { decodeChatCompletion } from './decode-chat-completion.js';

const completion = (message: Record<string, unknown>, finishReason: unknown = 'stop', extra: Record<string, unknown> = {}): Record<string, unknown> & { choices: unknown[] } => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1795442712,
  model: 'gpt-4.1-mini-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, logprobs: null, finish_reason: finishReason }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  ...extra,
});
const call = (id: string, args: string) => ({ id, type: 'function', function: { name: 'f', arguments: args } });

describe('decodeChatCompletion', () => {
  it('decodes basic.response.json', () => {
    expect(decodeChatCompletion(fixtureJson('openai-chat/basic.response.json'), testContext())).toEqual({
      id: 'chatcmpl-CWq3Lk9TnV2mRb7LcP1sWd8Yh3JuA',
      model: 'gpt-4.1-mini-2025-04-14',
      parts: [{ type: 'text', text: 'Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 27, outputTokens: 23, cacheReadTokens: 0, reasoningTokens: 0 },
      created: 1795442712,
    });
  });

  it('#2 decodes tools.response.json: two calls with parsed arguments, tool_use', () => {
    const response = decodeChatCompletion(fixtureJson('openai-chat/tools.response.json'), testContext());
    expect(response.parts).toEqual([
      { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_call', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
    ]);
    expect(response.stopReason).toBe('tool_use');
  });

  it('#7 splits cached tokens out of the prompt: 9888 prompt with 6752 cached (Anthropic input_tokens 3136)', () => {
    const body = completion({ content: 'x' }, 'stop', {
      usage: {
        prompt_tokens: 9888,
        completion_tokens: 40,
        total_tokens: 9928,
        prompt_tokens_details: { cached_tokens: 6752, cache_write_tokens: 12 },
        completion_tokens_details: { reasoning_tokens: 8 },
      },
    });
    const { usage } = decodeChatCompletion(body, testContext());
    expect(usage).toEqual({ inputTokens: 9888, outputTokens: 40, cacheReadTokens: 6752, cacheWriteTokens: 12, reasoningTokens: 8 });
    expect(usage.inputTokens - (usage.cacheReadTokens ?? 0)).toBe(3136);
  });

  it('puts reasoning_content (or reasoning) first as thinking without a signature, then text', () => {
    const parts = (message: Record<string, unknown>) => decodeChatCompletion(completion(message), testContext()).parts;
    expect(parts({ reasoning_content: 'think', content: 'answer' })).toEqual([
      { type: 'thinking', text: 'think' },
      { type: 'text', text: 'answer' },
    ]);
    expect(parts({ reasoning: 'r' })).toEqual([{ type: 'thinking', text: 'r' }]);
    expect(parts({ refusal: 'I cannot help with that.' })).toEqual([{ type: 'text', text: 'I cannot help with that.' }]);
  });

  it('keeps unparseable upstream arguments as {_raw} with a warning; an empty string is {}; a missing id gets call_<newId>', () => {
    const context = testContext();
    const { parts } = decodeChatCompletion(
      completion({ tool_calls: [call('c1', '{"city": "Par'), call('c2', ''), { type: 'function', function: { name: 'g', arguments: '[1]' } }] }, 'tool_calls'),
      context,
    );
    expect(parts).toEqual([
      { type: 'tool_call', id: 'c1', name: 'f', arguments: { _raw: '{"city": "Par' } },
      { type: 'tool_call', id: 'c2', name: 'f', arguments: {} },
      { type: 'tool_call', id: 'call_id0000000000000000000001', name: 'g', arguments: { _raw: '[1]' } },
    ]);
    expect(context.warnings).toEqual([
      'tool_calls[0]: upstream tool arguments are not a JSON object, passed on as {"_raw": ...}',
      'tool_calls[2]: upstream tool arguments are not a JSON object, passed on as {"_raw": ...}',
    ]);
  });

  it.each<[unknown, boolean, string, string | undefined]>([
    ['stop', false, 'end_turn', undefined],
    ['length', false, 'max_tokens', undefined],
    ['content_filter', false, 'content_filter', undefined],
    ['tool_calls', true, 'tool_use', undefined],
    ['function_call', true, 'tool_use', undefined],
    ['tool_calls', false, 'end_turn', undefined],
    ['stop', true, 'tool_use', undefined],
    ['length', true, 'max_tokens', undefined],
    ['eos', false, 'other', 'eos'],
    [null, false, 'end_turn', undefined],
  ])('maps finish_reason %j (tool call: %s) to %s', (finishReason, withCall, stopReason, raw) => {
    const message = withCall ? { tool_calls: [call('c', '{}')] } : { content: 'x' };
    const response = decodeChatCompletion(completion(message, finishReason), testContext());
    expect(response.stopReason).toBe(stopReason);
    expect(response.rawStopReason).toBe(raw);
  });

  it('passes on choice 0 only, with a warning, and estimates usage the upstream did not send', () => {
    const context = testContext({ estimatedInputTokens: 321 });
    const second = { index: 1, message: { role: 'assistant', content: 'second' }, logprobs: null, finish_reason: 'stop' };
    const first = completion({ content: 'first' }, 'stop', { usage: undefined });
    const body = { ...first, choices: [...first.choices, second] };
    const response = decodeChatCompletion(body, context);
    expect(response.parts).toEqual([{ type: 'text', text: 'first' }]);
    expect(response.usage).toEqual({ inputTokens: 321, outputTokens: 0 });
    expect(context.warnings).toEqual(['n: the upstream returned 2 choices, only the first is passed on', 'usage: the upstream reported none, input tokens estimated']);
  });

  it('refuses a body that is not a chat.completion as bad_gateway, and turns an error body into its error', () => {
    for (const body of [null, [], { object: 'text_completion', choices: [] }, { object: 'chat.completion' }, { object: 'chat.completion', choices: [] }]) {
      expect(rejection(() => decodeChatCompletion(body, testContext()))).toMatchObject({ kind: 'bad_gateway', status: 502, provider: 'openai' });
    }
    const error = rejection(() => decodeChatCompletion({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, testContext()));
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ kind: 'rate_limit', message: 'openai: Rate limit reached', code: 'rate_limit_exceeded', provider: 'openai' });
  });

  it('refuses tool arguments nested 5,000 deep (bad_gateway): the IR object would overflow the stack when serialised', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const answer = completion({ role: 'assistant', content: null, tool_calls: [call('call_1', deep)] }, 'tool_calls');
    expect(() => decodeChatCompletion(answer, testContext())).toThrow(expect.objectContaining({ kind: 'bad_gateway', message: expect.stringContaining('nested deeper than 128') }));
  });
});
