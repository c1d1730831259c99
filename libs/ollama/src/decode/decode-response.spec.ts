import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { ollamaFixtureJson, testContext } from '../codec.spec-helper.js';
import { decodeResponse } from './decode-response.js';

const CREATED = Math.floor(Date.parse('2026-11-23T14:05:13.843Z') / 1000);

function failure(body: unknown): RouterError {
  try {
    decodeResponse(body, testContext());
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a RouterError');
}

const toolAnswer = (toolCalls: unknown[], doneReason = 'stop') => ({
  model: 'qwen3:8b',
  created_at: '2026-11-23T14:05:12.944123456Z',
  message: { role: 'assistant', content: '', tool_calls: toolCalls },
  done: true,
  done_reason: doneReason,
  prompt_eval_count: 211,
  eval_count: 47,
});

describe('decodeResponse', () => {
  it('decodes chat.response.json: text, end_turn, usage from the counts, created in seconds, a fresh id', () => {
    const response = decodeResponse(ollamaFixtureJson('chat.response.json'), testContext({ upstreamModel: 'llama3.2' }));
    expect(response).toStrictEqual({
      id: 'ollama-id1',
      model: 'llama3.2',
      parts: [{ type: 'text', text: 'Octopuses have three hearts, and two of them stop beating when they swim.' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 38, outputTokens: 19 },
      created: CREATED,
    });
  });

  it('decodes generate.response.json (told apart by `response`)', () => {
    const response = decodeResponse(ollamaFixtureJson('generate.response.json'), testContext());
    expect(response.parts).toEqual([{ type: 'text', text: ' Paris.' }]);
    expect(response.usage).toEqual({ inputTokens: 6, outputTokens: 3 });
    expect(response.stopReason).toBe('end_turn');
  });

  it('turns done_reason stop with tool calls into tool_use (#3), keeping ids and object arguments', () => {
    const response = decodeResponse(
      toolAnswer([
        { id: 'call_k3v9x2qa', function: { index: 0, name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } } },
        { id: 'call_p7m1z8rd', function: { index: 1, name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } } },
      ]),
      testContext(),
    );
    expect(response.stopReason).toBe('tool_use');
    expect(response.parts).toEqual([
      { type: 'tool_call', id: 'call_k3v9x2qa', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_call', id: 'call_p7m1z8rd', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
    ]);
    expect(response.usage).toEqual({ inputTokens: 211, outputTokens: 47 });
  });

  it('gives id-less (older server) and duplicate-id calls unique call_ ids, parses string arguments (#4)', () => {
    const response = decodeResponse(
      toolAnswer([
        { function: { name: 'a', arguments: '{"x":1}' } },
        { id: 'call_same', function: { name: 'b' } },
        { id: 'call_same', function: { name: 'c', arguments: {} } },
      ]),
      testContext(),
    );
    expect(response.parts).toEqual([
      { type: 'tool_call', id: 'call_id2', name: 'a', arguments: { x: 1 } },
      { type: 'tool_call', id: 'call_same', name: 'b', arguments: {} },
      { type: 'tool_call', id: 'call_id3', name: 'c', arguments: {} },
    ]);
  });

  it('keeps length as max_tokens even after a tool call', () => {
    expect(decodeResponse(toolAnswer([{ function: { name: 'a', arguments: {} } }], 'length'), testContext()).stopReason).toBe('max_tokens');
  });

  it('puts thinking first, without a signature', () => {
    const response = decodeResponse(
      { model: 'qwen3:8b', created_at: 'not a date', message: { role: 'assistant', content: 'No.', thinking: '7 × 143' }, done: true, done_reason: 'stop' },
      testContext(),
    );
    expect(response.parts).toStrictEqual([
      { type: 'thinking', text: '7 × 143' },
      { type: 'text', text: 'No.' },
    ]);
    expect(response.created).toBe(0);
    expect(response.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
  });

  it('maps load/unload and unknown reasons to end_turn, keeping the raw value', () => {
    const response = decodeResponse({ model: 'm', message: { role: 'assistant', content: '' }, done: true, done_reason: 'load' }, testContext());
    expect(response).toMatchObject({ stopReason: 'end_turn', rawStopReason: 'load', parts: [] });
  });

  it('throws an api_error for an {"error"} body and bad_gateway for unreadable answers', () => {
    expect(failure({ error: 'model runner crashed' })).toMatchObject({ kind: 'api_error', message: 'ollama: model runner crashed', provider: 'ollama' });
    expect(failure('text')).toMatchObject({ kind: 'bad_gateway', provider: 'ollama' });
    expect(failure({ done: true })).toMatchObject({ kind: 'bad_gateway' });
    expect(failure(toolAnswer([{ function: { name: 'a', arguments: '[1' } }]))).toMatchObject({ kind: 'bad_gateway' });
    expect(failure(toolAnswer([{ function: {} }]))).toMatchObject({ kind: 'bad_gateway' });
  });
});
