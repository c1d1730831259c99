import { describe, expect, it } from '@jest/globals';
import type { IrEffort, IrRequest, IrThinking, IrTool } from '@llm-router/core';
import type OpenAI from 'openai';
import { rejection, testContext } from '../test-context.spec-helper.js';
import type { ChatRequestBody } from '../wire/chat-request.js';
import { chatRequestProblems } from './chat-request-rules.spec-helper.js';
import { encodeChatRequest } from './encode-chat-request.js';
import { openAIUpstreamCodec } from './openai-upstream-codec.js';

// Compile-time proof that every body this encoder can build has the SDK's own request shape.
const sdkShaped = (body: ChatRequestBody): OpenAI.Chat.ChatCompletionCreateParams => body;

const base = (extra: Partial<IrRequest> = {}): IrRequest => ({ model: 'client-alias', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }], stream: false, ...extra });

const WEATHER: IrTool = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name, e.g. Paris' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city'],
  },
};

/** Encodes with a fresh context; the body must be one the real OpenAI API accepts. */
function encode(request: IrRequest, overrides: Parameters<typeof testContext>[0] = {}) {
  const context = testContext({ upstreamModel: 'gpt-4.1-mini', ...overrides });
  const body = encodeChatRequest(request, context);
  sdkShaped(body);
  expect(chatRequestProblems(body)).toEqual([]);
  return { body, warnings: context.warnings };
}

describe('encodeChatRequest: the Anthropic fixtures, as IR', () => {
  it('anthropic/basic.request.json: one leading system message, string content, the parameters', () => {
    const { body, warnings } = encode({
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: 'You are a concise assistant.' }],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
      maxTokens: 1024,
      temperature: 0.7,
      stop: ['\n\nHuman:'],
      user: 'user-4f2a9c',
      stream: false,
    });
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'You are a concise assistant.' },
        { role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' },
      ],
      stream: false,
      max_completion_tokens: 1024,
      temperature: 0.7,
      stop: ['\n\nHuman:'],
      user: 'user-4f2a9c',
    });
    expect(warnings).toEqual([]);
  });

  it('anthropic/tools.followup.request.json: text + 2 calls, then one tool message per result (error prefixed) and the user text after', () => {
    const { body } = encode({
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
      tools: [WEATHER],
      maxTokens: 1024,
      stream: false,
      messages: [
        { role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] },
        {
          role: 'assistant',
          parts: [
            { type: 'text', text: "I'll check the current weather in both cities." },
            { type: 'tool_call', id: 'toolu_01A09q90qw90lq917835lq9P', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
            { type: 'tool_call', id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
          ],
        },
        {
          role: 'user',
          parts: [
            {
              type: 'tool_result',
              toolCallId: 'toolu_01A09q90qw90lq917835lq9P',
              content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }],
              isError: false,
            },
            { type: 'tool_result', toolCallId: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', content: [{ type: 'text', text: 'Weather service timeout for Tokyo' }], isError: true },
            { type: 'text', text: 'If Tokyo failed, just tell me about Paris.' },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are a weather assistant. Use tools when needed.' },
      { role: 'user', content: "What's the weather in Paris and Tokyo right now?" },
      {
        role: 'assistant',
        content: "I'll check the current weather in both cities.",
        tool_calls: [
          { id: 'toolu_01A09q90qw90lq917835lq9P', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } },
          { id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo","unit":"celsius"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9P', content: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' },
      { role: 'tool', tool_call_id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', content: 'Error: Weather service timeout for Tokyo' },
      { role: 'user', content: 'If Tokyo failed, just tell me about Paris.' },
    ]);
    expect(body.tools).toEqual([{ type: 'function', function: WEATHER }]);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('anthropic/vision.request.json: images as image_url (base64 as a data URI), the PDF as a file part with its title', () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const pdf = 'JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRyYWlsZXIKPDwvUm9vdCAxIDAgUj4+CiUlRU9GCg==';
    const { body } = encode({
      model: 'claude-haiku-4-5',
      system: [],
      maxTokens: 300,
      stream: false,
      messages: [
        {
          role: 'user',
          parts: [
            { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: png } },
            { type: 'image', source: { kind: 'url', url: 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png' } },
            { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: pdf }, title: 'tiny.pdf' },
            { type: 'text', text: 'Compare these two images in one sentence, then say whether the PDF is empty.' },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          { type: 'image_url', image_url: { url: 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png' } },
          { type: 'file', file: { file_data: `data:application/pdf;base64,${pdf}`, filename: 'tiny.pdf' } },
          { type: 'text', text: 'Compare these two images in one sentence, then say whether the PDF is empty.' },
        ],
      },
    ]);
    expect(body.max_completion_tokens).toBe(300);
  });

  it('anthropic/thinking.stream.request.json: budget 2048 is reasoning_effort medium; a stream always asks for usage', () => {
    const { body } = encode({
      model: 'claude-haiku-4-5',
      system: [],
      maxTokens: 4096,
      thinking: { type: 'enabled', budgetTokens: 2048 },
      stream: true,
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Is 1001 prime? Answer briefly.' }] }],
    });
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'Is 1001 prime? Answer briefly.' }],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 4096,
      reasoning_effort: 'medium',
    });
  });

  it('anthropic/tools.stream.request.json: tool_choice auto, even when the client did not ask for usage', () => {
    const { body } = encode(base({ tools: [WEATHER], toolChoice: { type: 'auto' }, stream: true, streamUsage: false }));
    expect(body).toMatchObject({ tool_choice: 'auto', stream: true, stream_options: { include_usage: true } });
  });
});

describe('chatRequestProblems (the spec-side API rules)', () => {
  it('finds what the real API refuses: unpaired calls, null content without calls, tool_choice without tools, >4 stops', () => {
    const problems = chatRequestProblems({
      model: 'm',
      stream: false,
      tool_choice: 'auto',
      stop: ['a', 'b', 'c', 'd', 'e'],
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'user', content: 'r' },
        { role: 'assistant', content: null },
        { role: 'tool', tool_call_id: 'zz', content: 'x' },
      ],
    });
    expect(problems).toEqual([
      'messages[2]: calls [c1] have no tool message',
      'messages[3].content is null without tool calls',
      'messages[4]: tool message answers no call of the assistant turn before it',
      'tool_choice without tools',
      'stop must hold 1 to 4 strings',
    ]);
  });
});

describe('encodeChatRequest: mapping rules', () => {
  it('goes to /chat/completions under the endpoint', () => {
    expect(openAIUpstreamCodec.encodeRequest(base(), testContext()).path).toBe('/chat/completions');
  });

  it('#12 keeps the tools with tool_choice none; forces a named tool; sends parallel_tool_calls only with tools', () => {
    expect(encode(base({ tools: [WEATHER], toolChoice: { type: 'none' } })).body).toMatchObject({ tool_choice: 'none', tools: [{ type: 'function' }] });
    expect(encode(base({ tools: [WEATHER], toolChoice: { type: 'tool', name: 'get_weather' }, parallelToolCalls: false })).body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    });
    expect(encode(base({ tools: [WEATHER], toolChoice: { type: 'required' } })).body.tool_choice).toBe('required');
    const { body } = encode(base({ tools: [], toolChoice: { type: 'auto' }, parallelToolCalls: false }));
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('parallel_tool_calls');
  });

  it('#21 clamps the output cap to the model maximum with a warning, and leaves an absent cap absent', () => {
    const { body, warnings } = encode(base({ maxTokens: 32000 }), { maxOutputTokens: 16384 });
    expect(body.max_completion_tokens).toBe(16384);
    expect(warnings).toEqual(["max_tokens: 32000 clamped to the model's maximum of 16384"]);
    expect(encode(base(), { maxOutputTokens: 16384 }).body).not.toHaveProperty('max_completion_tokens');
  });

  it('keeps the first 4 stop sequences and drops top_k, with warnings; passes penalties, seed, n and logprobs', () => {
    const { body, warnings } = encode(base({ stop: ['a', 'b', 'c', 'd', 'e'], topK: 40, topP: 0.9, seed: 3, presencePenalty: 1, frequencyPenalty: -1, n: 2, logprobs: { top: 3 } }));
    expect(body).toMatchObject({ stop: ['a', 'b', 'c', 'd'], top_p: 0.9, seed: 3, presence_penalty: 1, frequency_penalty: -1, n: 2, logprobs: true, top_logprobs: 3 });
    expect(warnings).toEqual(['stop: only the first 4 of 5 stop sequences sent', 'top_k: not supported by openai, dropped']);
  });

  it.each<[IrThinking, string | undefined]>([
    [{ type: 'enabled', budgetTokens: 1024 }, 'low'],
    [{ type: 'enabled', budgetTokens: 1500 }, 'medium'],
    [{ type: 'enabled', budgetTokens: 2048 }, 'medium'],
    [{ type: 'enabled', budgetTokens: 4096 }, 'high'],
    [{ type: 'enabled', budgetTokens: 8192 }, 'xhigh'],
    [{ type: 'enabled', budgetTokens: 31999 }, 'max'],
    [{ type: 'adaptive' }, 'medium'],
    [{ type: 'disabled' }, undefined],
  ])('maps thinking %j to reasoning_effort %s', (thinking, effort) => {
    expect(encode(base({ thinking })).body.reasoning_effort).toBe(effort);
  });

  it.each<[IrEffort, IrThinking, string]>([
    ['low', { type: 'adaptive' }, 'low'],
    ['medium', { type: 'adaptive' }, 'medium'],
    ['high', { type: 'adaptive' }, 'high'],
    ['xhigh', { type: 'adaptive' }, 'xhigh'],
    ['max', { type: 'adaptive' }, 'max'],
    ['low', { type: 'enabled', budgetTokens: 31999 }, 'low'],
  ])('an Anthropic client\'s output_config.effort %s with thinking %j is reasoning_effort %s', (effort, thinking, expected) => {
    expect(encode(base({ thinking, effort })).body.reasoning_effort).toBe(expected);
  });

  it('sends no reasoning_effort for an effort without thinking on (disabled, or removed by reasoning: false)', () => {
    expect(encode(base({ thinking: { type: 'disabled' }, effort: 'high' })).body).not.toHaveProperty('reasoning_effort');
    expect(encode(base({ effort: 'high' })).body).not.toHaveProperty('reasoning_effort');
  });

  it('maps response formats', () => {
    expect(encode(base({ responseFormat: { type: 'json_object' } })).body.response_format).toEqual({ type: 'json_object' });
    expect(encode(base({ responseFormat: { type: 'json_schema', name: 'a', schema: { type: 'object' }, strict: true } })).body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'a', schema: { type: 'object' }, strict: true },
    });
  });

  it('drops thinking, gives content null to tool-only turns, leaves out turns with nothing to send', () => {
    const { body } = encode(
      base({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'q' }] },
          {
            role: 'assistant',
            parts: [
              { type: 'thinking', text: 'hmm', signature: 'sig' },
              { type: 'redacted_thinking', data: 'opaque' },
              { type: 'tool_call', id: 'c1', name: 'f', arguments: {} },
            ],
          },
          { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'c1', content: [], isError: false }] },
          { role: 'assistant', parts: [{ type: 'thinking', text: 'only thinking' }] },
          { role: 'user', parts: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
        ],
      }),
    );
    expect(body.messages).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: '' },
      { role: 'user', content: 'a\n\nb' },
    ]);
  });

  it('moves images inside a tool result to a user message after the tool messages, with a warning', () => {
    const image = { type: 'image' as const, source: { kind: 'url' as const, url: 'https://x.test/chart.png' } };
    const { body, warnings } = encode(
      base({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'plot it' }] },
          { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'plot', arguments: { x: 1 } }] },
          { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'c1', content: [{ type: 'text', text: 'done' }, image], isError: false }, { type: 'text', text: 'describe it' }] },
        ],
      }),
    );
    expect(body.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: 'done' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/chart.png' } }, { type: 'text', text: 'describe it' }] },
    ]);
    expect(warnings).toEqual(['messages[2]: images in the result of tool call c1 sent in a user message after the tool messages']);
  });

  it('sends a plain-text document as text and refuses a document by URL naming it', () => {
    const text = base({ messages: [{ role: 'user', parts: [{ type: 'document', source: { kind: 'text', text: 'body' }, title: 'notes.txt' }, { type: 'image', source: { kind: 'url', url: 'https://x.test/a.png' } }] }] });
    expect(encode(text).body.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'notes.txt\n\nbody' },
        { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
      ],
    });
    const url = base({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'read' }, { type: 'document', source: { kind: 'url', url: 'https://x.test/a.pdf' } }] }] });
    expect(rejection(() => encodeChatRequest(url, testContext()))).toMatchObject({ status: 400, param: 'messages[0].content[1]' });
  });

  it('sends a legacy completion as its user turn with a warning, and refuses suffix and echo naming them', () => {
    const completion = (extra: object) => base({ completion: { prompt: 'hi', ...extra } });
    const { body, warnings } = encode(completion({}));
    expect(body.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(warnings).toEqual(['prompt: sent to a chat model as one user message, not continued raw']);
    expect(rejection(() => encodeChatRequest(completion({ suffix: ')' }), testContext()))).toMatchObject({ status: 400, param: 'suffix' });
    expect(rejection(() => encodeChatRequest(completion({ echo: true }), testContext()))).toMatchObject({ status: 400, param: 'echo' });
  });
});
