import { describe, expect, it } from '@jest/globals';
import { type IrRequest, RouterError } from '@llm-router/core';
import { irRequest, ollamaFixtureJson, testContext } from '../codec.spec-helper.js';
import { encodeRequest } from './encode-request.js';

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name, e.g. Paris' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city'],
  },
};
const TIME_TOOL = { name: 'get_time', parameters: { type: 'object', properties: {} } };

function refusal(request: IrRequest): RouterError {
  try {
    encodeRequest(request, testContext());
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a RouterError');
}

describe('encodeRequest: /api/chat bodies equal the Ollama fixtures', () => {
  it('chat.request.json: system first, options mapped, stream explicit (keep_alive and num_ctx are router config, not IR)', () => {
    const context = testContext({ upstreamModel: 'llama3.2' });
    const encoded = encodeRequest(
      irRequest({
        system: [{ type: 'text', text: 'You are a concise assistant.' }],
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
        maxTokens: 256,
        temperature: 0.7,
        topP: 0.9,
        topK: 40,
        stop: ['\n\nUser:'],
        seed: 42,
        user: 'user-123',
        stream: false,
      }),
      context,
    );
    const { keep_alive: _keepAlive, ...fixture } = ollamaFixtureJson('chat.request.json');
    const { num_ctx: _numCtx, ...options } = fixture['options'] as Record<string, unknown>;
    expect(encoded).toEqual({ path: '/api/chat', body: { ...fixture, options } });
    expect(context.warnings).toEqual([]);
  });

  it('chat.stream.request.json: the same prompt streamed, with stream:true spelled out', () => {
    const encoded = encodeRequest(
      irRequest({
        system: [{ type: 'text', text: 'You are a concise assistant.' }],
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
        maxTokens: 256,
        stream: true,
      }),
      testContext(),
    );
    expect(encoded.body).toStrictEqual({ ...ollamaFixtureJson('chat.stream.request.json'), stream: true });
  });

  it('chat.tools.request.json: tools as functions, thinking disabled -> think:false', () => {
    const encoded = encodeRequest(
      irRequest({
        system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
        messages: [{ role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] }],
        tools: [{ ...WEATHER_TOOL, strict: true }],
        toolChoice: { type: 'auto' },
        thinking: { type: 'disabled' },
        stream: true,
      }),
      testContext({ upstreamModel: 'qwen3:8b' }),
    );
    expect(encoded.body).toStrictEqual({ ...ollamaFixtureJson('chat.tools.request.json'), options: {} });
  });

  it('chat.tools.followup.request.json: object arguments (#4), one tool message per result, tool_name found by id', () => {
    const encoded = encodeRequest(
      irRequest({
        system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
        messages: [
          { role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] },
          {
            role: 'assistant',
            parts: [
              { type: 'tool_call', id: 'call_k3v9x2qa', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
              { type: 'tool_call', id: 'call_p7m1z8rd', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
            ],
          },
          {
            role: 'user',
            parts: [
              // An OpenAI client's tool message carries no name: it is looked up among the earlier calls.
              { type: 'tool_result', toolCallId: 'call_k3v9x2qa', content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }], isError: false },
              { type: 'tool_result', toolCallId: 'call_p7m1z8rd', toolName: 'get_weather', content: [{ type: 'text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }], isError: false },
            ],
          },
        ],
        tools: [WEATHER_TOOL],
        stream: false,
      }),
      testContext({ upstreamModel: 'qwen3:8b' }),
    );
    expect(encoded.body).toStrictEqual({ ...ollamaFixtureJson('chat.tools.followup.request.json'), options: {} });
  });

  it('chat.vision.request.json: base64 images go raw (no data: prefix) on the message', () => {
    const data = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const expected = { ...ollamaFixtureJson('chat.vision.request.json'), options: {} };
    for (const image of [
      { kind: 'base64' as const, mediaType: 'image/png', data },
      { kind: 'url' as const, url: `data:image/png;base64,${data}` },
      { kind: 'base64' as const, mediaType: 'image/png', data: `data:image/png;base64,${data}` },
    ]) {
      const encoded = encodeRequest(
        irRequest({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'Describe this image in one sentence.' }, { type: 'image', source: image }] }] }),
        testContext({ upstreamModel: 'llava:7b' }),
      );
      expect(encoded.body).toStrictEqual(expected);
    }
  });
});

describe('encodeRequest: tools and tool_choice', () => {
  const base = irRequest({ tools: [WEATHER_TOOL, TIME_TOOL] });

  it('auto (or none given) sends every tool; strict is dropped and a missing description stays absent', () => {
    const body = encodeRequest(base, testContext()).body;
    expect(body['tools']).toEqual([
      { type: 'function', function: { name: 'get_weather', description: WEATHER_TOOL.description, parameters: WEATHER_TOOL.parameters } },
      { type: 'function', function: { name: 'get_time', parameters: TIME_TOOL.parameters } },
    ]);
  });

  it('none omits tools entirely (#12), keeps tool history, and never fails', () => {
    const context = testContext();
    const request: IrRequest = {
      ...base,
      toolChoice: { type: 'none' },
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'Weather?' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] },
        { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: 'rain' }], isError: false }] },
      ],
    };
    const body = encodeRequest(request, context).body;
    expect(body).not.toHaveProperty('tools');
    expect(body['messages']).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
      { role: 'tool', content: 'rain', tool_name: 'get_weather', tool_call_id: 'call_1' },
    ]);
    expect(context.warnings).toEqual([]);
  });

  it('required sends the tools with a warning', () => {
    const context = testContext();
    const body = encodeRequest({ ...base, toolChoice: { type: 'required' } }, context).body;
    expect(body['tools']).toHaveLength(2);
    expect(context.warnings).toEqual([expect.stringMatching(/^tool_choice: ollama cannot force a tool call/)]);
  });

  it('a named tool sends only that tool, with a warning; an unknown name is a 400 naming tool_choice', () => {
    const context = testContext();
    const body = encodeRequest({ ...base, toolChoice: { type: 'tool', name: 'get_time' } }, context).body;
    expect(body['tools']).toEqual([{ type: 'function', function: { name: 'get_time', parameters: TIME_TOOL.parameters } }]);
    expect(context.warnings).toEqual([expect.stringContaining('only get_time sent')]);
    expect(refusal({ ...base, toolChoice: { type: 'tool', name: 'nope' } })).toMatchObject({ kind: 'invalid_request', status: 400, param: 'tool_choice' });
  });

  it('parallelToolCalls:false is ignored with a warning, only when tools are sent', () => {
    const context = testContext();
    encodeRequest({ ...base, parallelToolCalls: false }, context);
    expect(context.warnings).toEqual([expect.stringMatching(/^parallel_tool_calls: /)]);
    const quiet = testContext();
    encodeRequest({ ...base, toolChoice: { type: 'none' }, parallelToolCalls: false }, quiet);
    expect(quiet.warnings).toEqual([]);
  });
});

describe('encodeRequest: parameters', () => {
  it('maps every option the IR has, with the Ollama names', () => {
    const body = encodeRequest(
      irRequest({ maxTokens: 100, temperature: 0.2, topP: 0.5, topK: 7, stop: ['END'], seed: 1, presencePenalty: 0.3, frequencyPenalty: -0.4 }),
      testContext(),
    ).body;
    expect(body['options']).toStrictEqual({
      num_predict: 100,
      temperature: 0.2,
      top_p: 0.5,
      top_k: 7,
      stop: ['END'],
      seed: 1,
      presence_penalty: 0.3,
      frequency_penalty: -0.4,
    });
  });

  it('clamps max tokens to the model ceiling with a warning, and sends no num_predict when the client gave none', () => {
    const context = testContext({ maxOutputTokens: 8192 });
    expect(encodeRequest(irRequest({ maxTokens: 32000 }), context).body['options']).toEqual({ num_predict: 8192 });
    expect(context.warnings).toEqual(["max_tokens: 32000 exceeds the model's limit of 8192, clamped"]);
    expect(encodeRequest(irRequest({ maxTokens: 100 }), testContext({ maxOutputTokens: 8192 })).body['options']).toEqual({ num_predict: 100 });
    expect(encodeRequest(irRequest(), testContext({ maxOutputTokens: 8192 })).body['options']).toEqual({});
  });

  it('always spells out stream, also when false', () => {
    expect(encodeRequest(irRequest({ stream: false }), testContext()).body['stream']).toBe(false);
    expect(encodeRequest(irRequest({ stream: true }), testContext()).body['stream']).toBe(true);
  });

  it('maps response formats: json_object -> "json", json_schema -> the schema object, text -> nothing', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    expect(encodeRequest(irRequest({ responseFormat: { type: 'json_object' } }), testContext()).body['format']).toBe('json');
    expect(encodeRequest(irRequest({ responseFormat: { type: 'json_schema', name: 'a', schema, strict: true } }), testContext()).body['format']).toBe(schema);
    expect(encodeRequest(irRequest({ responseFormat: { type: 'text' } }), testContext()).body).not.toHaveProperty('format');
  });

  it.each([
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['xhigh', 'high'],
    ['max', 'high'],
  ] as const)('maps adaptive thinking with an Anthropic client\'s effort %s to think %j', (effort, think) => {
    expect(encodeRequest(irRequest({ thinking: { type: 'adaptive' }, effort }), testContext()).body['think']).toBe(think);
  });

  it('keeps think false for disabled thinking and sends no think for an effort without thinking', () => {
    expect(encodeRequest(irRequest({ thinking: { type: 'disabled' }, effort: 'high' }), testContext()).body['think']).toBe(false);
    expect(encodeRequest(irRequest({ effort: 'high' }), testContext()).body).not.toHaveProperty('think');
  });

  it('maps thinking to think: enabled/adaptive true, disabled false, absent omitted', () => {
    expect(encodeRequest(irRequest({ thinking: { type: 'enabled', budgetTokens: 2048 } }), testContext()).body['think']).toBe(true);
    expect(encodeRequest(irRequest({ thinking: { type: 'adaptive' } }), testContext()).body['think']).toBe(true);
    expect(encodeRequest(irRequest({ thinking: { type: 'disabled' } }), testContext()).body['think']).toBe(false);
    expect(encodeRequest(irRequest(), testContext()).body).not.toHaveProperty('think');
  });

  it('asks for logprobs at the top level, with a warning that they are not returned', () => {
    const context = testContext();
    const body = encodeRequest(irRequest({ logprobs: { top: 3 } }), context).body;
    expect(body).toMatchObject({ logprobs: true, top_logprobs: 3 });
    expect(body['options']).toEqual({});
    expect(context.warnings).toEqual([expect.stringMatching(/^logprobs: /)]);
    expect(encodeRequest(irRequest({ logprobs: { top: 0 } }), testContext()).body).not.toHaveProperty('top_logprobs');
  });

  it('drops user silently and refuses n > 1 with a 400 naming n (n = 1 is fine)', () => {
    const context = testContext();
    expect(encodeRequest(irRequest({ user: 'u-1', n: 1 }), context).body).not.toHaveProperty('user');
    expect(context.warnings).toEqual([]);
    expect(refusal(irRequest({ n: 2 }))).toMatchObject({ kind: 'invalid_request', status: 400, param: 'n' });
  });
});

describe('encodeRequest: legacy completions -> /api/generate', () => {
  it('generate.request.json: the raw prompt with raw:true and the options', () => {
    const encoded = encodeRequest(
      irRequest({
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'The capital of France is' }] }],
        completion: { prompt: 'The capital of France is' },
        temperature: 0,
        maxTokens: 7,
        stop: ['\n'],
        stream: false,
      }),
      testContext(),
    );
    expect(encoded).toStrictEqual({ path: '/api/generate', body: ollamaFixtureJson('generate.request.json') });
  });

  it('sends a suffix with raw:false, since Ollama ignores suffix in raw mode', () => {
    const encoded = encodeRequest(irRequest({ completion: { prompt: 'def add(a, b):', suffix: '\n\nprint(add(1, 2))' }, stream: true }), testContext());
    expect(encoded.body).toStrictEqual({
      model: 'llama3.2',
      prompt: 'def add(a, b):',
      suffix: '\n\nprint(add(1, 2))',
      raw: false,
      options: {},
      stream: true,
    });
    expect(encodeRequest(irRequest({ completion: { prompt: 'x', suffix: '' } }), testContext()).body).toMatchObject({ raw: true });
  });

  it('refuses echo and n > 1 with 400s naming them', () => {
    expect(refusal(irRequest({ completion: { prompt: 'x', echo: true } }))).toMatchObject({ status: 400, param: 'echo' });
    expect(refusal(irRequest({ completion: { prompt: 'x' }, n: 3 }))).toMatchObject({ status: 400, param: 'n' });
    expect(encodeRequest(irRequest({ completion: { prompt: 'x', echo: false } }), testContext()).path).toBe('/api/generate');
  });

  it('asks generate for logprobs too', () => {
    expect(encodeRequest(irRequest({ completion: { prompt: 'x' }, logprobs: { top: 2 } }), testContext()).body).toMatchObject({ logprobs: true, top_logprobs: 2 });
  });
});
