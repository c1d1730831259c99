import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import type { IrResponse, IrStopReason } from '@llm-router/core';
import { encodeMessage } from './encode-message.js';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8'));
}

function ir(overrides: Partial<IrResponse>): IrResponse {
  return {
    id: 'msg_01',
    model: 'claude-haiku-4-5',
    parts: [{ type: 'text', text: 'hi' }],
    stopReason: 'end_turn',
    usage: { inputTokens: 10, outputTokens: 2 },
    created: 1_700_000_000,
    ...overrides,
  };
}

const paris = { city: 'Paris', unit: 'celsius' };
const tokyo = { city: 'Tokyo', unit: 'celsius' };

describe('encodeMessage', () => {
  it('encodes a text answer like basic.response.json, with the client model', () => {
    const expected = fixture('basic.response.json');
    const message = encodeMessage(
      ir({
        id: 'msg_01HCDu5LRGeP2o7s2xGmxyFE',
        parts: [{ type: 'text', text: 'Octopuses have three hearts: two pump blood through the gills, while the third circulates it to the rest of the body.' }],
        usage: { inputTokens: 25, outputTokens: 26 },
      }),
    );
    expect(message).toEqual({
      id: expected['id'],
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: expected['content'],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 26, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });

  it('encodes tool calls like tools.response.json and forces stop_reason tool_use', () => {
    const expected = fixture('tools.response.json');
    const message = encodeMessage(
      ir({
        parts: [
          { type: 'text', text: "I'll check the current weather in both cities." },
          { type: 'tool_call', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather', arguments: paris },
          { type: 'tool_call', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather', arguments: tokyo },
        ],
        stopReason: 'end_turn', // e.g. an upstream that said "stop" although it called tools
      }),
    );
    expect(message.content).toEqual(expected['content']);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('keeps max_tokens with a (cut) tool call and never says tool_use without one', () => {
    const toolCall = { type: 'tool_call' as const, id: 'toolu_1', name: 'f', arguments: {} };
    expect(encodeMessage(ir({ parts: [toolCall], stopReason: 'max_tokens' })).stop_reason).toBe('max_tokens');
    expect(encodeMessage(ir({ stopReason: 'tool_use' })).stop_reason).toBe('end_turn');
  });

  it.each<[IrStopReason, string]>([
    ['end_turn', 'end_turn'],
    ['max_tokens', 'max_tokens'],
    ['stop_sequence', 'stop_sequence'],
    ['content_filter', 'refusal'],
    ['pause', 'pause_turn'],
    ['other', 'end_turn'],
  ])('maps stop reason %s to %s', (stopReason, expected) => {
    expect(encodeMessage(ir({ stopReason })).stop_reason).toBe(expected);
  });

  it('sets stop_sequence only when the turn stopped on one', () => {
    expect(encodeMessage(ir({ stopReason: 'stop_sequence', stopSequence: '\n\nHuman:' })).stop_sequence).toBe('\n\nHuman:');
    expect(encodeMessage(ir({ stopReason: 'end_turn', stopSequence: 'x' })).stop_sequence).toBeNull();
  });

  it('keeps thinking (unsigned reasoning from other vendors with an empty signature, as streamed) and redacted thinking; drops empty text and request-only parts', () => {
    const message = encodeMessage(
      ir({
        parts: [
          { type: 'thinking', text: 'signed', signature: 'EqQB' },
          { type: 'thinking', text: 'from another vendor' },
          { type: 'thinking', text: 'empty signature', signature: '' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'text', text: '' },
          { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } },
          { type: 'document', source: { kind: 'text', text: 'doc' } },
          { type: 'tool_result', toolCallId: 't', content: [], isError: false },
          { type: 'text', text: 'answer' },
        ],
      }),
    );
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'signed', signature: 'EqQB' },
      { type: 'thinking', thinking: 'from another vendor', signature: '' },
      { type: 'thinking', thinking: 'empty signature', signature: '' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'answer' },
    ]);
  });

  it('reports cache tokens apart from input_tokens (§6 #7)', () => {
    const message = encodeMessage(ir({ usage: { inputTokens: 9888, outputTokens: 50, cacheReadTokens: 6752 } }));
    expect(message.usage).toEqual({
      input_tokens: 3136,
      output_tokens: 50,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 6752,
    });
    const written = encodeMessage(ir({ usage: { inputTokens: 100, outputTokens: 1, cacheReadTokens: 30, cacheWriteTokens: 50 } }));
    expect(written.usage).toMatchObject({ input_tokens: 20, cache_creation_input_tokens: 50, cache_read_input_tokens: 30 });
    const inconsistent = encodeMessage(ir({ usage: { inputTokens: 10, outputTokens: 1, cacheReadTokens: 30 } }));
    expect(inconsistent.usage.input_tokens).toBe(0);
  });

  it('prefixes ids that lack msg_', () => {
    expect(encodeMessage(ir({ id: 'chatcmpl-abc' })).id).toBe('msg_chatcmpl-abc');
    expect(encodeMessage(ir({ id: 'msg_abc' })).id).toBe('msg_abc');
  });

  it('parses with the official SDK', async () => {
    const body = JSON.stringify(
      encodeMessage(ir({ parts: [{ type: 'tool_call', id: 'toolu_1', name: 'get_weather', arguments: paris }] })),
    );
    const client = new Anthropic({
      apiKey: 'x',
      maxRetries: 0,
      fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    });
    const message = await client.messages.create({ model: 'm', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: paris }]);
  });
});
