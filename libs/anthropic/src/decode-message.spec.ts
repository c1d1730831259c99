import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RouterError, type IrResponse } from '@llm-router/core';
import { decodeMessage } from './decode-message.js';
import { encodeMessage } from './encode-message.js';
import { testContext } from './translation-context.spec-helper.js';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

const NOW = 1_795_442_712;

function decode(body: unknown) {
  const context = testContext();
  return { response: decodeMessage(body, context, NOW), warnings: context.warnings };
}

function message(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...fixture('basic.response.json'), ...overrides };
}

describe('decodeMessage', () => {
  it('decodes basic.response.json', () => {
    const expected: IrResponse = {
      id: 'msg_01HCDu5LRGeP2o7s2xGmxyFE',
      model: 'claude-haiku-4-5-20251001',
      parts: [{ type: 'text', text: 'Octopuses have three hearts: two pump blood through the gills, while the third circulates it to the rest of the body.' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 25, outputTokens: 26, cacheReadTokens: 0, cacheWriteTokens: 0 },
      created: NOW,
    };
    expect(decode(fixture('basic.response.json'))).toEqual({ response: expected, warnings: [] });
  });

  it('decodes tools.response.json into tool calls with object arguments', () => {
    const { response } = decode(fixture('tools.response.json'));
    expect(response.parts).toEqual([
      { type: 'text', text: "I'll check the current weather in both cities." },
      { type: 'tool_call', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_call', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
    ]);
    expect(response.stopReason).toBe('tool_use');
    expect(response.usage).toMatchObject({ inputTokens: 412, outputTokens: 118 });
  });

  it('keeps the thinking signature of thinking.response.json', () => {
    const { response } = decode(fixture('thinking.response.json'));
    expect(response.parts[0]).toEqual({
      type: 'thinking',
      text: '1001 = 7 × 143, and 143 = 11 × 13, so 1001 = 7 × 11 × 13. Not prime.',
      signature: expect.stringMatching(/^EqQBCkgIBxABGAIi/),
    });
  });

  it.each(['basic.response.json', 'tools.response.json', 'thinking.response.json'])('round-trips %s through encodeMessage', (name) => {
    const original = fixture(name);
    const again = encodeMessage(decode(original).response);
    const { cache_creation: _cacheCreation, service_tier: _tier, ...usage } = original['usage'] as Record<string, unknown>;
    expect(again).toEqual({ ...original, usage });
  });

  it('#7 counts cache reads and writes into the whole prompt', () => {
    const { response } = decode(
      message({ usage: { input_tokens: 3136, cache_read_input_tokens: 6752, cache_creation_input_tokens: 100, output_tokens: 50, output_tokens_details: { thinking_tokens: 20 } } }),
    );
    expect(response.usage).toEqual({ inputTokens: 9988, outputTokens: 50, cacheReadTokens: 6752, cacheWriteTokens: 100, reasoningTokens: 20 });
    expect(decode(message({ usage: { input_tokens: 7, output_tokens: 1, cache_read_input_tokens: null } })).response.usage).toEqual({ inputTokens: 7, outputTokens: 1 });
  });

  it.each([
    ['end_turn', 'end_turn', undefined],
    ['max_tokens', 'max_tokens', undefined],
    ['stop_sequence', 'stop_sequence', undefined],
    ['tool_use', 'tool_use', undefined],
    ['refusal', 'content_filter', undefined],
    ['pause_turn', 'pause', undefined],
    ['model_context_window_exceeded', 'max_tokens', 'model_context_window_exceeded'],
    ['a_future_reason', 'other', 'a_future_reason'],
  ])('maps stop_reason %s to %s', (raw, stopReason, rawStopReason) => {
    const { response } = decode(message({ stop_reason: raw }));
    expect(response.stopReason).toBe(stopReason);
    expect(response.rawStopReason).toBe(rawStopReason);
  });

  it('keeps the stop sequence that matched', () => {
    expect(decode(message({ stop_reason: 'stop_sequence', stop_sequence: '\n\nHuman:' })).response).toMatchObject({
      stopReason: 'stop_sequence',
      stopSequence: '\n\nHuman:',
    });
  });

  it('drops server-tool and unknown blocks with a warning, keeps redacted thinking, empty signature is none', () => {
    const { response, warnings } = decode(
      message({
        content: [
          { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } },
          { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'thinking', thinking: 't', signature: '' },
          { type: 'text', text: 'found', citations: [{ type: 'web_search_result_location' }] },
        ],
      }),
    );
    expect(response.parts).toEqual([
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'thinking', text: 't' },
      { type: 'text', text: 'found' },
    ]);
    expect(warnings).toEqual(["content[0]: 'server_tool_use' block from anthropic dropped", "content[1]: 'web_search_tool_result' block from anthropic dropped"]);
  });

  it.each([
    ['an error body', { type: 'error', error: { type: 'api_error', message: 'x' } }],
    ['a list', []],
    ['a string', 'oops'],
    ['a message without content', { type: 'message', id: 'msg_1' }],
    ['null', null],
  ])('refuses %s as bad_gateway', (_name, body) => {
    let thrown: unknown;
    try {
      decode(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RouterError);
    expect(thrown).toMatchObject({ kind: 'bad_gateway', status: 502, provider: 'anthropic' });
  });

  it('fills in a missing id and model', () => {
    const { response } = decode({ type: 'message', content: [] });
    expect(response).toMatchObject({ id: 'msg_id0000000000000000000001', model: 'claude-haiku-4-5-20251001', stopReason: 'other', usage: { inputTokens: 0, outputTokens: 0 } });
  });
});
