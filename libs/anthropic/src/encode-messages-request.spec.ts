import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { RouterError, type IrMessage, type IrRequest, type IrTool, type TranslationContext } from '@llm-router/core';
import type { AnthropicMessagesRequest } from './anthropic-request-types.js';
import { anthropicRequestProblem } from './anthropic-request-rules.spec-helper.js';
import { encodeMessagesRequest, JSON_OBJECT_INSTRUCTION } from './encode-messages-request.js';
import { testContext } from './translation-context.spec-helper.js';

function openaiFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/openai-chat/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function ir(overrides: Partial<IrRequest> = {}): IrRequest {
  return {
    model: 'gpt-4.1-mini',
    system: [],
    messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
    stream: false,
    ...overrides,
  };
}

/** The body as built (the encoder's own wire type), checked against the API's rules. */
function encode(request: IrRequest, context: TranslationContext = testContext()): AnthropicMessagesRequest {
  const encoded = encodeMessagesRequest(request, context);
  expect(encoded.path).toBe('/v1/messages');
  const body = encoded.body as AnthropicMessagesRequest;
  expect(anthropicRequestProblem(body)).toBeUndefined();
  return body;
}

function rejection(request: IrRequest, context: TranslationContext = testContext()): RouterError {
  try {
    encodeMessagesRequest(request, context);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected encodeRequest to throw');
}

const openaiTools = openaiFixture('tools.followup.request.json')['tools'] as Array<{ function: { name: string; description: string; parameters: Record<string, unknown> } }>;
const weather: IrTool = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: openaiTools[0]?.function.parameters ?? {},
  strict: false,
};
const parisId = 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ';
const tokyoId = 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb';
const paris = { city: 'Paris', unit: 'celsius' };
const tokyo = { city: 'Tokyo', unit: 'celsius' };
const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const placeholderUrl = 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png';

/** openai-chat/tools.followup.request.json as the OpenAI decoder gives it: one user turn per tool message. */
function toolsFollowup(): IrRequest {
  return ir({
    system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
    tools: [weather],
    messages: [
      { role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] },
      {
        role: 'assistant',
        parts: [
          { type: 'tool_call', id: parisId, name: 'get_weather', arguments: paris },
          { type: 'tool_call', id: tokyoId, name: 'get_weather', arguments: tokyo },
        ],
      },
      {
        role: 'user',
        parts: [{ type: 'tool_result', toolCallId: parisId, toolName: 'get_weather', content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }], isError: false }],
      },
      {
        role: 'user',
        parts: [{ type: 'tool_result', toolCallId: tokyoId, toolName: 'get_weather', content: [{ type: 'text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }], isError: false }],
      },
    ],
  });
}

describe('encodeMessagesRequest: the OpenAI fixtures’ scenarios', () => {
  it('tools.followup: 2 parallel calls and their results in one user turn, a body the API accepts', () => {
    const body = encode(toolsFollowup());
    expect(body).toEqual({
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 4096,
      system: 'You are a weather assistant. Use tools when needed.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: parisId, name: 'get_weather', input: paris },
            { type: 'tool_use', id: tokyoId, name: 'get_weather', input: tokyo },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: parisId, content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }] },
            { type: 'tool_result', tool_use_id: tokyoId, content: [{ type: 'text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }] },
          ],
        },
      ],
      tools: [{ name: 'get_weather', description: 'Get the current weather for a city.', input_schema: weather.parameters }],
      stream: false,
    });
  });

  it('vision: a base64 image stays base64, an https image stays a URL (#13)', () => {
    const body = encode(
      ir({
        maxTokens: 300,
        messages: [
          {
            role: 'user',
            parts: [
              { type: 'text', text: 'Compare these two images in one sentence.' },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: pixel } },
              { type: 'image', source: { kind: 'url', url: placeholderUrl } },
            ],
          },
        ],
      }),
    );
    expect(body.max_tokens).toBe(300);
    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'Compare these two images in one sentence.' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } },
      { type: 'image', source: { type: 'url', url: placeholderUrl } },
    ]);
  });

  it('produces a body the official SDK types accept and sends unchanged', async () => {
    const body = encode(toolsFollowup());
    const params: Anthropic.MessageCreateParamsNonStreaming = { ...body, stream: false };
    let sent: unknown;
    const client = new Anthropic({
      apiKey: 'x',
      maxRetries: 0,
      fetch: async (_url, init) => {
        sent = JSON.parse(String(init?.body));
        return new Response(readFileSync(new URL('../../testing/fixtures/anthropic/tools.response.json', import.meta.url)), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await client.messages.create(params);
    expect(sent).toEqual(body);
  });
});

describe('encodeMessagesRequest: §6 bugs', () => {
  it('#11 maps tool ids like functions.get_weather:0 to valid ids, identically in tool_use and tool_result', () => {
    const body = encode(
      ir({
        tools: [weather],
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'weather?' }] },
          {
            role: 'assistant',
            parts: [
              { type: 'tool_call', id: 'functions.get_weather:0', name: 'get_weather', arguments: paris },
              { type: 'tool_call', id: 'functions.get_weather:1', name: 'get_weather', arguments: tokyo },
            ],
          },
          {
            role: 'user',
            parts: [
              { type: 'tool_result', toolCallId: 'functions.get_weather:0', content: [{ type: 'text', text: '11C' }], isError: false },
              { type: 'tool_result', toolCallId: 'functions.get_weather:1', content: [{ type: 'text', text: '17C' }], isError: false },
            ],
          },
        ],
      }),
    );
    const uses = body.messages[1]?.content ?? [];
    const results = body.messages[2]?.content ?? [];
    expect(uses.map((block) => (block.type === 'tool_use' ? block.id : ''))).toEqual(['functions_get_weather_0', 'functions_get_weather_1']);
    expect(results.map((block) => (block.type === 'tool_result' ? block.tool_use_id : ''))).toEqual(['functions_get_weather_0', 'functions_get_weather_1']);
  });

  it('#11 keeps ids that would collide after mapping distinct', () => {
    const ids = ['a.b', 'a:b', 'a_b'];
    const body = encode(
      ir({
        tools: [weather],
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'go' }] },
          { role: 'assistant', parts: ids.map((id) => ({ type: 'tool_call' as const, id, name: 'get_weather', arguments: {} })) },
          { role: 'user', parts: [...ids].reverse().map((id) => ({ type: 'tool_result' as const, toolCallId: id, content: [], isError: false })) },
        ],
      }),
    );
    const uses = (body.messages[1]?.content ?? []).map((block) => (block.type === 'tool_use' ? block.id : ''));
    const results = (body.messages[2]?.content ?? []).map((block) => (block.type === 'tool_result' ? block.tool_use_id : ''));
    expect(uses[2]).toBe('a_b'); // already valid: unchanged
    expect(new Set(uses).size).toBe(3);
    expect(results).toEqual([...uses].reverse());
    expect(uses[0]).toMatch(/^a_b_[0-9a-z]+$/);
  });

  it('#12 sends tool_choice none as {type:"none"} and keeps the tools', () => {
    const body = encode({ ...toolsFollowup(), toolChoice: { type: 'none' }, parallelToolCalls: false });
    expect(body.tool_choice).toEqual({ type: 'none' });
    expect(body.tools).toHaveLength(1);
  });

  it('#13 keeps image URLs as URLs (no inlining), also inside tool results', () => {
    const body = encode(
      ir({
        tools: [weather],
        messages: [
          { role: 'user', parts: [{ type: 'image', source: { kind: 'url', url: placeholderUrl } }] },
          { role: 'assistant', parts: [{ type: 'tool_call', id: 'toolu_1', name: 'get_weather', arguments: paris }] },
          { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'toolu_1', content: [{ type: 'image', source: { kind: 'url', url: placeholderUrl } }], isError: false }] },
        ],
      }),
    );
    expect(body.messages[0]?.content).toEqual([{ type: 'image', source: { type: 'url', url: placeholderUrl } }]);
    expect(body.messages[2]?.content).toEqual([{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'image', source: { type: 'url', url: placeholderUrl } }] }]);
  });

  it('#15 never sends thinking without an Anthropic signature; signed thinking and redacted thinking replay as is', () => {
    const body = encode(
      ir({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'q' }] },
          {
            role: 'assistant',
            parts: [
              { type: 'thinking', text: 'from deepseek' },
              { type: 'thinking', text: 'empty signature', signature: '' },
              { type: 'thinking', text: 'signed', signature: 'EqQBCkg' },
              { type: 'redacted_thinking', data: 'opaque' },
              { type: 'text', text: 'answer' },
            ],
          },
          { role: 'user', parts: [{ type: 'text', text: 'and?' }] },
        ],
      }),
    );
    expect(body.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'signed', signature: 'EqQBCkg' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'answer' },
    ]);
    // An assistant turn of unsigned thinking only disappears, and its neighbours merge.
    const only = encode(
      ir({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'q' }] },
          { role: 'assistant', parts: [{ type: 'thinking', text: 'unsigned' }] },
          { role: 'user', parts: [{ type: 'text', text: 'again' }] },
        ],
      }),
    );
    expect(only.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'q' }, { type: 'text', text: 'again' }] }]);
  });

  it('#17 never overwrites a client-sent max_tokens; raises a defaulted one above the thinking budget', () => {
    const thinking = { type: 'enabled' as const, budgetTokens: 2048 };
    expect(encode(ir({ thinking, maxTokens: 3000 })).max_tokens).toBe(3000);
    expect(encode(ir({ thinking })).max_tokens).toBe(4096); // the default already exceeds the budget
    expect(encode(ir({ thinking: { type: 'enabled', budgetTokens: 8192 } })).max_tokens).toBe(8192 + 4096);
    expect(encode(ir({ thinking: { type: 'enabled', budgetTokens: 1024 } }), testContext({ defaultMaxTokens: 1000 })).max_tokens).toBe(2024);

    const conflict = rejection(ir({ thinking, maxTokens: 2048 }));
    expect(conflict).toMatchObject({ kind: 'invalid_request', status: 400, param: 'max_tokens' });
    expect(conflict.message).toContain('2048');
  });

  it('#17 with a model cap: the raised default is clamped, and a cap at or below the budget is a 400', () => {
    const thinking = { type: 'enabled' as const, budgetTokens: 8192 };
    const context = testContext({ maxOutputTokens: 10000 });
    expect(encode(ir({ thinking }), context).max_tokens).toBe(10000);
    expect(context.warnings).toEqual(["max_tokens: 12288 exceeds the model's output limit 10000, clamped to 10000"]);
    expect(rejection(ir({ thinking }), testContext({ maxOutputTokens: 8192 }))).toMatchObject({ param: 'max_tokens' });
    expect(rejection(ir({ thinking, maxTokens: 32000 }), testContext({ maxOutputTokens: 2000 }))).toMatchObject({ param: 'max_tokens' });
  });

  it('#20 [assistant(2 tool_calls), tool, tool, user] → [assistant(tool_use×2), user(tool_result×2, text)]', () => {
    const followup = toolsFollowup();
    followup.messages.push({ role: 'user', parts: [{ type: 'text', text: 'Summarise both.' }] });
    // Text placed before the results (as some decoders produce) must still come after them.
    followup.messages.splice(2, 0, { role: 'user', parts: [{ type: 'text', text: 'Here you go:' }] });
    const body = encode(followup);
    expect(body.messages.map((m) => [m.role, m.content.map((b) => b.type)])).toEqual([
      ['user', ['text']],
      ['assistant', ['tool_use', 'tool_use']],
      ['user', ['tool_result', 'tool_result', 'text', 'text']],
    ]);
    expect(body.messages[2]?.content.slice(2)).toEqual([
      { type: 'text', text: 'Here you go:' },
      { type: 'text', text: 'Summarise both.' },
    ]);
  });

  it('#21 clamps Claude Code’s 32000 to the model cap with a warning, never a 400', () => {
    const context = testContext({ maxOutputTokens: 16384 });
    expect(encode(ir({ maxTokens: 32000 }), context).max_tokens).toBe(16384);
    expect(context.warnings).toEqual(["max_tokens: 32000 exceeds the model's output limit 16384, clamped to 16384"]);
    const under = testContext({ maxOutputTokens: 16384 });
    expect(encode(ir({ maxTokens: 1000 }), under).max_tokens).toBe(1000);
    expect(under.warnings).toEqual([]);
  });

  it('#22 an assistant turn with empty text and tool calls yields only tool_use blocks', () => {
    const followup = toolsFollowup();
    const assistant = followup.messages[1] as IrMessage;
    assistant.parts.unshift({ type: 'text', text: '' });
    assistant.parts.push({ type: 'text', text: '  \n' });
    const body = encode(followup);
    expect(body.messages[1]?.content.map((block) => block.type)).toEqual(['tool_use', 'tool_use']);
  });
});

describe('encodeMessagesRequest: parameters', () => {
  it('sends the upstream model, an explicit stream and the default max_tokens', () => {
    const body = encode(ir({ stream: true, streamUsage: true }), testContext({ upstreamModel: 'claude-sonnet-4-5' }));
    expect(body).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 4096, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true });
  });

  it('joins system parts with a blank line, skipping blank ones; leaves out an empty system', () => {
    expect(encode(ir({ system: [{ type: 'text', text: 'A' }, { type: 'text', text: ' ' }, { type: 'text', text: 'B' }] })).system).toBe('A\n\nB');
    expect(encode(ir({ system: [{ type: 'text', text: '' }] }))).not.toHaveProperty('system');
  });

  it('clamps temperature to [0, 1] with a warning; passes top_p, top_k and stop', () => {
    const context = testContext();
    const body = encode(ir({ temperature: 1.5, topP: 0.9, topK: 40, stop: ['\n\nUser:'] }), context);
    expect(body).toMatchObject({ temperature: 1, top_p: 0.9, top_k: 40, stop_sequences: ['\n\nUser:'] });
    expect(context.warnings).toEqual(["temperature: 1.5 is outside anthropic's range 0–1, clamped to 1"]);
    expect(encode(ir({ temperature: 0.7 })).temperature).toBe(0.7);
    expect(encode(ir({ stop: [] }))).not.toHaveProperty('stop_sequences');
  });

  it('drops seed and penalties with a warning each (openai basic.request.json)', () => {
    const context = testContext();
    const body = encode(
      ir({
        system: [{ type: 'text', text: 'You are a concise assistant.' }],
        maxTokens: 256,
        temperature: 0.7,
        topP: 1,
        stop: ['\n\nUser:'],
        n: 1,
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: 0.2,
        user: 'user-4f2a9c',
      }),
      context,
    );
    expect(body).toMatchObject({ max_tokens: 256, temperature: 0.7, top_p: 1, stop_sequences: ['\n\nUser:'], metadata: { user_id: 'user-4f2a9c' } });
    expect(body).not.toHaveProperty('seed');
    expect(context.warnings).toEqual([
      'seed: not supported by anthropic, dropped',
      'presence_penalty: not supported by anthropic, dropped',
      'frequency_penalty: not supported by anthropic, dropped',
    ]);
  });

  it('maps json_schema to output_config.format and json_object to a system instruction', () => {
    const schema = { type: 'object', properties: { answer: { type: 'number' } } };
    expect(encode(ir({ responseFormat: { type: 'json_schema', name: 'answer', schema, strict: true } })).output_config).toEqual({
      format: { type: 'json_schema', schema },
    });
    const context = testContext();
    const body = encode(ir({ system: [{ type: 'text', text: 'Be terse.' }], responseFormat: { type: 'json_object' } }), context);
    expect(body.system).toBe(`Be terse.\n\n${JSON_OBJECT_INSTRUCTION}`);
    expect(JSON_OBJECT_INSTRUCTION).toBe('Respond with a single JSON object and nothing else.');
    expect(context.warnings).toHaveLength(1);
    expect(encode(ir({ responseFormat: { type: 'json_object' } })).system).toBe(JSON_OBJECT_INSTRUCTION);
    expect(encode(ir({ responseFormat: { type: 'text' } }))).not.toHaveProperty('output_config');
  });

  it('maps thinking, dropping what Anthropic refuses with it (temperature ≠ 1, top_k, top_p < 0.95)', () => {
    const context = testContext();
    const body = encode(ir({ thinking: { type: 'enabled', budgetTokens: 2048 }, maxTokens: 4096, temperature: 0.5, topK: 5, topP: 0.5 }), context);
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('top_p');
    expect(context.warnings).toHaveLength(3);
    expect(encode(ir({ thinking: { type: 'adaptive' }, temperature: 1, topP: 0.95 }))).toMatchObject({ thinking: { type: 'adaptive' }, temperature: 1, top_p: 0.95 });
    expect(encode(ir({ thinking: { type: 'disabled' }, temperature: 0.2 }))).toMatchObject({ thinking: { type: 'disabled' }, temperature: 0.2 });
  });

  it('drops thinking when the ongoing tool loop has no signed thinking to replay (Anthropic 400s otherwise)', () => {
    const context = testContext();
    const body = encode({ ...toolsFollowup(), thinking: { type: 'enabled', budgetTokens: 8192 }, temperature: 0.3 }, context);
    expect(body).not.toHaveProperty('thinking');
    expect(body.max_tokens).toBe(4096); // no budget to exceed any more
    expect(body.temperature).toBe(0.3);
    expect(context.warnings).toEqual(['thinking: the last assistant tool call has no anthropic-signed thinking to replay, thinking dropped']);

    const signed = toolsFollowup();
    (signed.messages[1] as IrMessage).parts.unshift({ type: 'thinking', text: 'plan', signature: 'EqQBCkg' });
    const kept = encode({ ...signed, thinking: { type: 'adaptive' } });
    expect(kept.thinking).toEqual({ type: 'adaptive' });
    expect(kept.messages[1]?.content[0]).toEqual({ type: 'thinking', thinking: 'plan', signature: 'EqQBCkg' });

    // A finished tool loop followed by a plain answer needs nothing.
    const done = toolsFollowup();
    done.messages.push({ role: 'assistant', parts: [{ type: 'text', text: 'Paris 11C, Tokyo 17C.' }] }, { role: 'user', parts: [{ type: 'text', text: 'Thanks!' }] });
    expect(encode({ ...done, thinking: { type: 'adaptive' } }).thinking).toEqual({ type: 'adaptive' });
  });

  it.each([
    [undefined, true, { type: 'auto', disable_parallel_tool_use: true }],
    [{ type: 'auto' as const }, false, { type: 'auto' }],
    [{ type: 'required' as const }, true, { type: 'any', disable_parallel_tool_use: true }],
    [{ type: 'tool' as const, name: 'get_weather' }, true, { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true }],
    [{ type: 'none' as const }, true, { type: 'none' }],
  ])('tool_choice %j with parallelToolCalls:false=%s → %j', (toolChoice, oneCall, expected) => {
    const body = encode(ir({ tools: [weather], toolChoice, ...(oneCall ? { parallelToolCalls: false } : {}) }));
    expect(body.tool_choice).toEqual(expected);
  });

  it('sends no tool_choice without a choice, strict only when true, and an object schema by default', () => {
    const body = encode(
      ir({
        tools: [
          { name: 'a', parameters: {} },
          { name: 'b', parameters: { properties: { x: { type: 'string' } } }, strict: true },
        ],
      }),
    );
    expect(body).not.toHaveProperty('tool_choice');
    expect(body.tools).toEqual([
      { name: 'a', input_schema: { type: 'object', properties: {} } },
      { name: 'b', input_schema: { type: 'object', properties: { x: { type: 'string' } } }, strict: true },
    ]);
  });

  it('declares tools the history called when the client sent none (Anthropic 400s otherwise)', () => {
    const followup = toolsFollowup();
    delete followup.tools;
    const context = testContext();
    const body = encode(followup, context);
    expect(body.tools).toEqual([{ name: 'get_weather', input_schema: { type: 'object', properties: {} } }]);
    expect(body.tool_choice).toEqual({ type: 'none' });
    expect(context.warnings).toHaveLength(1);
    expect(encode(ir({ toolChoice: { type: 'auto' }, parallelToolCalls: false }))).not.toHaveProperty('tool_choice');
  });

  it('marks failed tool results with is_error and leaves out empty content', () => {
    const followup = toolsFollowup();
    followup.messages[3] = { role: 'user', parts: [{ type: 'tool_result', toolCallId: tokyoId, content: [{ type: 'text', text: '' }], isError: true }] };
    const body = encode(followup);
    expect(body.messages[2]?.content[1]).toEqual({ type: 'tool_result', tool_use_id: tokyoId, is_error: true });
  });
});

describe('encodeMessagesRequest: media', () => {
  it('normalises image/jpg, reads data: URLs and refuses other media types naming the part', () => {
    const body = encode(
      ir({
        messages: [
          {
            role: 'user',
            parts: [
              { type: 'image', source: { kind: 'base64', mediaType: 'image/jpg', data: 'AAAA' } },
              { type: 'image', source: { kind: 'url', url: `data:image/png;base64,${pixel}` } },
            ],
          },
        ],
      }),
    );
    expect(body.messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: 'AAAA' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } },
    ]);
    const error = rejection(
      ir({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'x' }] },
          { role: 'assistant', parts: [{ type: 'text', text: 'y' }] },
          { role: 'user', parts: [{ type: 'text', text: 'look' }, { type: 'image', source: { kind: 'base64', mediaType: 'image/svg+xml', data: 'PHN2Zz4=' } }] },
        ],
      }),
    );
    expect(error).toMatchObject({ status: 400, param: 'messages[2].content[1]' });
    expect(error.message).toContain('image/svg+xml');
    expect(rejection(ir({ messages: [{ role: 'user', parts: [{ type: 'image', source: { kind: 'url', url: 'data:image/bmp;base64,Qk0=' } }] }] }))).toMatchObject({
      param: 'messages[0].content[0]',
    });
  });

  it('sends documents: base64 PDF, URL, text, and base64 text/plain decoded to text', () => {
    const body = encode(
      ir({
        messages: [
          {
            role: 'user',
            parts: [
              { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, title: 'tiny.pdf' },
              { type: 'document', source: { kind: 'url', url: 'https://x/a.pdf' } },
              { type: 'document', source: { kind: 'text', text: 'plain' } },
              { type: 'document', source: { kind: 'base64', mediaType: 'text/plain', data: Buffer.from('héllo').toString('base64') } },
              { type: 'text', text: 'Summarise.' },
            ],
          },
        ],
      }),
    );
    expect(body.messages[0]?.content).toEqual([
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'tiny.pdf' },
      { type: 'document', source: { type: 'url', url: 'https://x/a.pdf' } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain' } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' } },
      { type: 'text', text: 'Summarise.' },
    ]);
    expect(
      rejection(ir({ messages: [{ role: 'user', parts: [{ type: 'document', source: { kind: 'base64', mediaType: 'application/msword', data: 'AA' } }] }] })),
    ).toMatchObject({ param: 'messages[0].content[0]' });
  });

  it('refuses parts Anthropic does not take in that role', () => {
    expect(rejection(ir({ messages: [{ role: 'user', parts: [{ type: 'tool_call', id: 't', name: 'f', arguments: {} }] }] }))).toMatchObject({
      param: 'messages[0].content[0]',
    });
    expect(
      rejection(ir({ messages: [{ role: 'assistant', parts: [{ type: 'image', source: { kind: 'url', url: placeholderUrl } }] }] })),
    ).toMatchObject({ param: 'messages[0].content[0]' });
  });
});

describe('encodeMessagesRequest: refusals (§5.10)', () => {
  it.each<[string, Partial<IrRequest>]>([
    ['n', { n: 2 }],
    ['logprobs', { logprobs: { top: 0 } }],
    ['suffix', { completion: { prompt: 'def f(', suffix: '\n  return x' } }],
    ['echo', { completion: { prompt: 'Once upon', echo: true } }],
  ])('refuses %s with a 400 naming it', (param, overrides) => {
    expect(rejection(ir(overrides))).toMatchObject({ kind: 'invalid_request', status: 400, param });
  });

  it('accepts n = 1 and a legacy completion without suffix or echo, with a warning', () => {
    const context = testContext();
    const body = encode(
      ir({ n: 1, completion: { prompt: 'Once upon', suffix: '', echo: false }, messages: [{ role: 'user', parts: [{ type: 'text', text: 'Once upon' }] }] }),
      context,
    );
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Once upon' }] }]);
    expect(context.warnings).toEqual(['prompt: a legacy completion prompt is sent to anthropic as one chat user message']);
  });
});
