import { describe, expect, it } from '@jest/globals';
import type { IrResponse } from '@llm-router/core';
import OpenAI from 'openai';
import { encodeChatCompletion } from './encode-chat-completion.js';

const base: IrResponse = {
  id: 'chatcmpl-abc',
  model: 'my-alias',
  parts: [],
  stopReason: 'end_turn',
  usage: { inputTokens: 27, outputTokens: 23 },
  created: 1795442712,
};

describe('encodeChatCompletion', () => {
  it('encodes a text answer like the basic fixture', () => {
    const out = encodeChatCompletion({ ...base, parts: [{ type: 'text', text: 'Octopuses have ' }, { type: 'text', text: 'three hearts.' }] });
    expect(out).toEqual({
      id: 'chatcmpl-abc',
      object: 'chat.completion',
      created: 1795442712,
      model: 'my-alias',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Octopuses have three hearts.', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 27, completion_tokens: 23, total_tokens: 50 },
    });
  });

  it('encodes tool calls with content null and arguments as a JSON string', () => {
    const paris = { city: 'Paris', unit: 'celsius' };
    const tokyo = { city: 'Tokyo', unit: 'celsius' };
    const out = encodeChatCompletion({
      ...base,
      id: 'msg_01XyZ',
      stopReason: 'tool_use',
      parts: [
        { type: 'thinking', text: 'two cities', signature: 'sig' },
        { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: paris },
        { type: 'tool_call', id: 'call_2', name: 'get_weather', arguments: tokyo },
      ],
    });
    expect(out.id).toBe('chatcmpl-msg_01XyZ');
    const [choice] = out.choices;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: JSON.stringify(paris) } },
      { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: JSON.stringify(tokyo) } },
    ]);
    expect(JSON.parse(choice.message.tool_calls![1]!.function.arguments)).toEqual(tokyo);
    expect(JSON.stringify(out)).not.toContain('two cities');
  });

  it('keeps text next to tool calls, and turns empty text beside them into null', () => {
    const call = { type: 'tool_call' as const, id: 'c', name: 'f', arguments: {} };
    expect(encodeChatCompletion({ ...base, parts: [{ type: 'text', text: 'Checking.' }, call] }).choices[0].message.content).toBe('Checking.');
    expect(encodeChatCompletion({ ...base, parts: [{ type: 'text', text: '' }, call] }).choices[0].message.content).toBeNull();
    expect(encodeChatCompletion({ ...base, parts: [] }).choices[0].message.content).toBeNull();
  });

  it('applies the tool override and the length exception', () => {
    const call = { type: 'tool_call' as const, id: 'c', name: 'f', arguments: {} };
    expect(encodeChatCompletion({ ...base, stopReason: 'end_turn', parts: [call] }).choices[0].finish_reason).toBe('tool_calls');
    expect(encodeChatCompletion({ ...base, stopReason: 'max_tokens', parts: [call] }).choices[0].finish_reason).toBe('length');
    expect(encodeChatCompletion({ ...base, stopReason: 'tool_use', parts: [{ type: 'text', text: 'x' }] }).choices[0].finish_reason).toBe('stop');
  });

  it('reports cache and reasoning tokens in the details objects', () => {
    const out = encodeChatCompletion({
      ...base,
      usage: { inputTokens: 9888, outputTokens: 120, cacheReadTokens: 6752, cacheWriteTokens: 100, reasoningTokens: 64 },
    });
    expect(out.usage).toEqual({
      prompt_tokens: 9888,
      completion_tokens: 120,
      total_tokens: 10008,
      prompt_tokens_details: { cached_tokens: 6752, cache_write_tokens: 100 },
      completion_tokens_details: { reasoning_tokens: 64 },
    });
  });

  it('is accepted by the official SDK as a chat completion', async () => {
    const body = encodeChatCompletion({
      ...base,
      parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }],
      stopReason: 'tool_use',
    });
    const client = new OpenAI({
      apiKey: 'x',
      baseURL: 'http://router.test/v1',
      maxRetries: 0,
      fetch: async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    });
    const completion = await client.chat.completions.create({ model: 'my-alias', messages: [{ role: 'user', content: 'hi' }] });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' ? JSON.parse(call.function.arguments) : undefined).toEqual({ city: 'Paris' });
  });
});
