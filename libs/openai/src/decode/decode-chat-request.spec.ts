import { describe, expect, it } from '@jest/globals';
import type { IrRequest } from '@llm-router/core';
import { fixtureJson, rejection, testContext } from '../test-context.spec-helper.js';
import { decodeChatRequest } from './decode-chat-request.js';

const decode = (body: unknown, context = testContext()): IrRequest => decodeChatRequest(body, context);
const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'alias', messages, ...extra });
const user = (content: unknown) => ({ role: 'user', content });

const PARIS = { city: 'Paris', unit: 'celsius' };
const TOKYO = { city: 'Tokyo', unit: 'celsius' };
const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name, e.g. Paris' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city'],
  },
  strict: false,
};

describe('decodeChatRequest: fixtures', () => {
  it('decodes basic.request.json: system hoisted, every parameter mapped, n:1 left out, no warnings', () => {
    const context = testContext();
    expect(decode(fixtureJson('openai-chat/basic.request.json'), context)).toEqual({
      model: 'gpt-4.1-mini',
      system: [{ type: 'text', text: 'You are a concise assistant.' }],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
      maxTokens: 256,
      temperature: 0.7,
      topP: 1,
      stop: ['\n\nUser:'],
      seed: 42,
      user: 'user-4f2a9c',
      stream: false,
    });
    expect(context.warnings).toEqual([]);
  });

  it('decodes tools.followup.request.json: tool calls parsed, both results in ONE user turn, named after their calls', () => {
    expect(decode(fixtureJson('openai-chat/tools.followup.request.json'))).toEqual({
      model: 'gpt-4.1-mini',
      system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
      messages: [
        { role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] },
        {
          role: 'assistant',
          parts: [
            { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: PARIS },
            { type: 'tool_call', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', arguments: TOKYO },
          ],
        },
        {
          role: 'user',
          parts: [
            {
              type: 'tool_result',
              toolCallId: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ',
              toolName: 'get_weather',
              content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }],
              isError: false,
            },
            {
              type: 'tool_result',
              toolCallId: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb',
              toolName: 'get_weather',
              content: [{ type: 'text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }],
              isError: false,
            },
          ],
        },
      ],
      tools: [WEATHER_TOOL],
      stream: false,
    });
  });

  it('decodes vision.request.json: base64 and URL images, a non-default detail dropped with a warning', () => {
    const context = testContext();
    const ir = decode(fixtureJson('openai-chat/vision.request.json'), context);
    expect(ir.maxTokens).toBe(300);
    expect(ir.messages).toEqual([
      {
        role: 'user',
        parts: [
          { type: 'text', text: 'Compare these two images in one sentence.' },
          {
            type: 'image',
            source: {
              kind: 'base64',
              mediaType: 'image/png',
              data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
            },
          },
          { type: 'image', source: { kind: 'url', url: 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png' } },
        ],
      },
    ]);
    expect(context.warnings).toEqual(['messages[0].content[1].image_url.detail: not supported by the upstream, dropped']);
  });
});

describe('decodeChatRequest: roles and turns', () => {
  it('hoists every leading system/developer message, text parts included, and skips empty texts', () => {
    const ir = decode(
      chat([
        { role: 'system', content: 'one' },
        { role: 'developer', content: [{ type: 'text', text: 'two' }, { type: 'text', text: '' }, { type: 'text', text: 'three' }] },
        { role: 'system', content: '' },
        user('hi'),
      ]),
    );
    expect(ir.system).toEqual([
      { type: 'text', text: 'one' },
      { type: 'text', text: 'two' },
      { type: 'text', text: 'three' },
    ]);
    expect(ir.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }]);
  });

  it('turns a later system message into a <system-reminder> merged into the next user turn, or its own user turn', () => {
    const ir = decode(
      chat([
        { role: 'system', content: 'lead' },
        user('q1'),
        { role: 'assistant', content: 'a1' },
        { role: 'developer', content: [{ type: 'text', text: 'be brief' }, { type: 'text', text: 'no emoji' }] },
        user('q2'),
        { role: 'assistant', content: 'a2' },
        { role: 'system', content: 'last word' },
      ]),
    );
    expect(ir.system).toEqual([{ type: 'text', text: 'lead' }]);
    expect(ir.messages).toEqual([
      { role: 'user', parts: [{ type: 'text', text: 'q1' }] },
      { role: 'assistant', parts: [{ type: 'text', text: 'a1' }] },
      {
        role: 'user',
        parts: [
          { type: 'text', text: '<system-reminder>\nbe brief\n\nno emoji\n</system-reminder>' },
          { type: 'text', text: 'q2' },
        ],
      },
      { role: 'assistant', parts: [{ type: 'text', text: 'a2' }] },
      { role: 'user', parts: [{ type: 'text', text: '<system-reminder>\nlast word\n</system-reminder>' }] },
    ]);
  });

  it('#20 merges [assistant(2 tool_calls), tool, tool, user] into assistant(2 calls) + ONE user turn, results first then text', () => {
    const ir = decode(
      chat([
        user('weather?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_a', content: '11C' },
        { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: '10:' }, { type: 'text', text: '42' }] },
        user('thanks, and in Tokyo?'),
      ]),
    );
    expect(ir.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(ir.messages[1]?.parts.map((p) => p.type)).toEqual(['tool_call', 'tool_call']);
    expect(ir.messages[2]?.parts).toEqual([
      { type: 'tool_result', toolCallId: 'call_a', toolName: 'get_weather', content: [{ type: 'text', text: '11C' }], isError: false },
      { type: 'tool_result', toolCallId: 'call_b', toolName: 'get_time', content: [{ type: 'text', text: '10:42' }], isError: false },
      { type: 'text', text: 'thanks, and in Tokyo?' },
    ]);
  });

  it('keeps tool results first even when a reminder precedes them, and leaves toolName out when no call matches', () => {
    const ir = decode(
      chat([
        user('go'),
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '' } }] },
        { role: 'system', content: 'note' },
        { role: 'tool', tool_call_id: 'c1', content: '' },
        { role: 'tool', tool_call_id: 'unknown', content: 'x' },
      ]),
    );
    expect(ir.messages[1]).toEqual({ role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'f', arguments: {} }] });
    expect(ir.messages[2]?.parts).toEqual([
      { type: 'tool_result', toolCallId: 'c1', toolName: 'f', content: [], isError: false },
      { type: 'tool_result', toolCallId: 'unknown', content: [{ type: 'text', text: 'x' }], isError: false },
      { type: 'text', text: '<system-reminder>\nnote\n</system-reminder>' },
    ]);
  });

  it('#22 an assistant turn {content:"", tool_calls} yields only the tool calls', () => {
    const ir = decode(
      chat([user('hi'), { role: 'assistant', content: '', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }]),
    );
    expect(ir.messages[1]).toEqual({ role: 'assistant', parts: [{ type: 'tool_call', id: 'c', name: 'f', arguments: { a: 1 } }] });
  });

  it('reads assistant text and refusal parts, and a refusal string, as text; drops name; merges adjacent same-role turns', () => {
    const ir = decode(
      chat([
        { role: 'user', name: 'ann', content: 'a' },
        user([{ type: 'text', text: 'b' }]),
        { role: 'assistant', content: [{ type: 'text', text: 'x' }, { type: 'refusal', refusal: 'I cannot.' }] },
        { role: 'assistant', content: null, refusal: 'No.' },
        { role: 'assistant', content: null },
      ]),
    );
    expect(ir.messages).toEqual([
      { role: 'user', parts: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
      { role: 'assistant', parts: [{ type: 'text', text: 'x' }, { type: 'text', text: 'I cannot.' }, { type: 'text', text: 'No.' }] },
    ]);
  });
});

describe('decodeChatRequest: content parts', () => {
  const imagePart = (url: string) => user([{ type: 'image_url', image_url: { url } }]);

  it('parses data URIs (image/jpg normalised to image/jpeg, parameters allowed) and takes http(s) URLs as they are', () => {
    const ir = decode(
      chat([
        user([
          { type: 'image_url', image_url: { url: 'data:image/jpg;base64,/9j/4AAQ' } },
          { type: 'image_url', image_url: { url: 'data:IMAGE/WEBP;name=a.webp;base64,UklGR', detail: 'auto' } },
          { type: 'image_url', image_url: 'http://example.com/cat.gif' },
        ]),
      ]),
    );
    expect(ir.messages[0]?.parts).toEqual([
      { type: 'image', source: { kind: 'base64', mediaType: 'image/jpeg', data: '/9j/4AAQ' } },
      { type: 'image', source: { kind: 'base64', mediaType: 'image/webp', data: 'UklGR' } },
      { type: 'image', source: { kind: 'url', url: 'http://example.com/cat.gif' } },
    ]);
  });

  it.each([
    ['a non-image data URI', 'data:text/plain;base64,aGk='],
    ['a URL-encoded data URI', 'data:image/png,%89PNG'],
    ['another scheme', 'ftp://example.com/a.png'],
  ])('refuses %s naming the url', (_case, url) => {
    expect(rejection(() => decode(chat([imagePart(url)])))).toMatchObject({ status: 400, param: 'messages[0].content[0].image_url.url' });
  });

  it('turns a file part into a document: PDF as base64 with its filename as title, plain text decoded', () => {
    const ir = decode(
      chat([
        user([
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0x', filename: 'tiny.pdf' } },
          { type: 'file', file: { file_data: `data:text/plain;base64,${Buffer.from('hello').toString('base64')}` } },
        ]),
      ]),
    );
    expect(ir.messages[0]?.parts).toEqual([
      { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' }, title: 'tiny.pdf' },
      { type: 'document', source: { kind: 'text', text: 'hello' } },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['an uploaded file id', { type: 'file', file: { file_id: 'file-abc' } }, 'messages[0].content[0].file.file_id'],
    ['a spreadsheet', { type: 'file', file: { file_data: 'data:application/vnd.ms-excel;base64,AAAA' } }, 'messages[0].content[0].file.file_data'],
    ['a file part without data', { type: 'file', file: {} }, 'messages[0].content[0].file.file_data'],
    ['input_audio', { type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } }, 'messages[0].content[0].type'],
  ])('refuses %s with a 400 naming it', (_case, part, param) => {
    expect(rejection(() => decode(chat([user([part])])))).toMatchObject({ kind: 'invalid_request', status: 400, param });
  });

  it.each<[string, unknown[], string]>([
    ['an Anthropic tool_use block in a user message', [user([{ type: 'text', text: 'x' }, { type: 'tool_use', id: 't', name: 'f', input: {} }])], 'messages[0].content[1].type'],
    ['an Anthropic tool_result block in a user message', [user([{ type: 'tool_result', tool_use_id: 't', content: 'r' }])], 'messages[0].content[0].type'],
    ['an Anthropic image block in a user message', [user([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'x' } }])], 'messages[0].content[0].type'],
    ['an image in a system message', [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }], 'messages[0].content[0].type'],
    ['a tool_use block in an assistant message', [user('q'), { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] }], 'messages[1].content[0].type'],
    ['an image in a tool message', [user('q'), { role: 'tool', tool_call_id: 'c', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }], 'messages[1].content[0].type'],
  ])('#19 refuses %s with a 400 naming the part, never dropping it', (_case, messages, param) => {
    const error = rejection(() => decode(chat(messages)));
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, param });
    expect(error.message).toMatch(/^Invalid value: '\w+'\. Supported values are: /);
  });
});

describe('decodeChatRequest: assistant tool calls', () => {
  const call = (fn: unknown, extra: Record<string, unknown> = {}) => chat([user('q'), { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: fn, ...extra }] }]);

  it('refuses arguments that are not JSON, or not a JSON object, naming the arguments', () => {
    for (const args of ['{"city": "Par', '[1,2]', '42']) {
      const error = rejection(() => decode(call({ name: 'f', arguments: args })));
      expect(error).toMatchObject({ status: 400, param: 'messages[1].tool_calls[0].function.arguments' });
    }
  });

  it('refuses custom tool calls, a deprecated function_call and a previous audio answer', () => {
    expect(rejection(() => decode(call({ name: 'f', arguments: '{}' }, { type: 'custom' }))).param).toBe('messages[1].tool_calls[0].type');
    expect(rejection(() => decode(chat([{ role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } }]))).param).toBe('messages[0].function_call');
    expect(rejection(() => decode(chat([{ role: 'assistant', content: null, audio: { id: 'audio_1' } }]))).param).toBe('messages[0].audio');
    expect(rejection(() => decode(chat([{ role: 'function', name: 'f', content: 'x' }]))).param).toBe('messages[0].role');
    expect(rejection(() => decode(chat([{ role: 'robot', content: 'x' }]))).param).toBe('messages[0].role');
    expect(rejection(() => decode(chat([{ role: 'tool', content: 'x' }]))).param).toBe('messages[0].tool_call_id');
  });
});

describe('decodeChatRequest: tools and tool_choice', () => {
  const fn = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'function', function: { name, ...extra } });
  const withTools = (extra: Record<string, unknown>) => chat([user('q')], { tools: [fn('a'), fn('b', { description: 'B', strict: true })], ...extra });

  it('decodes function tools, defaulting parameters to an empty object schema', () => {
    expect(decode(withTools({})).tools).toEqual([
      { name: 'a', parameters: { type: 'object', properties: {} } },
      { name: 'b', description: 'B', parameters: { type: 'object', properties: {} }, strict: true },
    ]);
  });

  it.each<[unknown, unknown]>([
    ['auto', { type: 'auto' }],
    ['required', { type: 'required' }],
    [{ type: 'function', function: { name: 'b' } }, { type: 'tool', name: 'b' }],
  ])('maps tool_choice %j', (choice, expected) => {
    expect(decode(withTools({ tool_choice: choice })).toolChoice).toEqual(expected);
  });

  it('#12 keeps the tools with tool_choice "none" (history may hold tool calls)', () => {
    const ir = decode(withTools({ tool_choice: 'none' }));
    expect(ir.toolChoice).toEqual({ type: 'none' });
    expect(ir.tools?.map((tool) => tool.name)).toEqual(['a', 'b']);
  });

  it('filters the tools by allowed_tools, then maps its mode', () => {
    const allowed = (mode: string) => ({ tool_choice: { type: 'allowed_tools', allowed_tools: { mode, tools: [fn('b')] } }, parallel_tool_calls: false });
    const required = decode(withTools(allowed('required')));
    expect(required.tools?.map((tool) => tool.name)).toEqual(['b']);
    expect(required.toolChoice).toEqual({ type: 'required' });
    expect(required.parallelToolCalls).toBe(false);
    expect(decode(withTools(allowed('auto'))).toolChoice).toEqual({ type: 'auto' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['custom tools', { tools: [{ type: 'custom', custom: { name: 'c' } }] }, 'tools[0].type'],
    ['a custom tool_choice', { tools: [fn('a')], tool_choice: { type: 'custom', custom: { name: 'c' } } }, 'tool_choice.type'],
    ['a custom allowed tool', { tools: [fn('a')], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'custom', custom: { name: 'c' } }] } } }, 'tool_choice.allowed_tools.tools[0].type'],
    ['an allowed tool not in tools', { tools: [fn('a')], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [fn('zz')] } } }, 'tool_choice.allowed_tools.tools[0].function.name'],
    ['an unknown tool_choice', { tools: [fn('a')], tool_choice: 'any' }, 'tool_choice'],
  ])('refuses %s', (_case, extra, param) => {
    expect(rejection(() => decode(chat([user('q')], extra)))).toMatchObject({ status: 400, param });
  });
});

describe('decodeChatRequest: parameters', () => {
  it('maps the generation parameters', () => {
    const ir = decode(
      chat([user('q')], {
        max_tokens: 50,
        stop: 'END',
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
        top_k: 40,
        safety_identifier: 'safe-1',
        user: 'legacy',
        n: 3,
        logprobs: true,
        top_logprobs: 5,
        stream: true,
        stream_options: { include_usage: true, include_obfuscation: false },
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
        modalities: ['text'],
      }),
    );
    expect(ir).toMatchObject({
      maxTokens: 50,
      stop: ['END'],
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      topK: 40,
      user: 'safe-1',
      n: 3,
      logprobs: { top: 5 },
      stream: true,
      streamUsage: true,
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true },
    });
  });

  it('prefers max_completion_tokens, asks for no usage unless include_usage, and leaves logprobs:false out', () => {
    const ir = decode(chat([user('q')], { max_tokens: 50, max_completion_tokens: 70, stream: true, logprobs: false, response_format: { type: 'json_object' } }));
    expect(ir).toMatchObject({ maxTokens: 70, stream: true, streamUsage: false, responseFormat: { type: 'json_object' } });
    expect(ir).not.toHaveProperty('logprobs');
    expect(decode(chat([user('q')], { logprobs: true })).logprobs).toEqual({ top: 0 });
  });

  it.each<[string, unknown]>([
    ['none', { type: 'disabled' }],
    ['minimal', { type: 'disabled' }],
    ['low', { type: 'enabled', budgetTokens: 1024 }],
    ['medium', { type: 'enabled', budgetTokens: 2048 }],
    ['high', { type: 'enabled', budgetTokens: 4096 }],
    ['xhigh', { type: 'enabled', budgetTokens: 8192 }],
    ['max', { type: 'enabled', budgetTokens: 16384 }],
  ])('maps reasoning_effort %s to thinking %j', (effort, thinking) => {
    expect(decode(chat([user('q')], { reasoning_effort: effort })).thinking).toEqual(thinking);
  });

  it.each<[string, unknown]>([
    ['audio', { voice: 'alloy', format: 'wav' }],
    ['modalities', ['text', 'audio']],
    ['prediction', { type: 'content', content: 'x' }],
    ['web_search_options', {}],
    ['functions', [{ name: 'f' }]],
    ['function_call', 'auto'],
  ])('refuses %s with a 400 naming it', (field, value) => {
    const error = rejection(() => decode(chat([user('q')], { [field]: value })));
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, param: field });
    expect(error.message).toContain(`'${field}'`);
  });

  it('drops logit_bias and the OpenAI-only hints with one warning each, and warns about unknown fields', () => {
    const context = testContext();
    const ir = decode(
      chat([user('q')], {
        logit_bias: { '50256': -100 },
        metadata: { a: 'b' },
        store: true,
        service_tier: 'flex',
        prompt_cache_key: 'k',
        verbosity: 'low',
        repetition_penalty: 1.1,
        audio: null,
      }),
      context,
    );
    expect(context.warnings).toEqual([
      'logit_bias: not supported by the upstream, dropped',
      'metadata: not supported by the upstream, dropped',
      'store: not supported by the upstream, dropped',
      'service_tier: not supported by the upstream, dropped',
      'prompt_cache_key: not supported by the upstream, dropped',
      'verbosity: not supported by the upstream, dropped',
      'repetition_penalty: unknown parameter, dropped',
    ]);
    expect(Object.keys(ir).sort()).toEqual(['messages', 'model', 'stream', 'system']);
  });

  it('quotes unknown field names in warnings only as header-safe ASCII (warnings go into x-router-warnings)', () => {
    const context = testContext();
    decode(chat([user('q')], { 'evil\r\nSet-Cookie: a=b': 1, ['é'.repeat(80)]: 2 }), context);
    expect(context.warnings).toEqual(['evil??Set-Cookie: a=b: unknown parameter, dropped', `${'?'.repeat(61)}...: unknown parameter, dropped`]);
  });

  it('refuses mistyped values naming the field', () => {
    expect(rejection(() => decode(chat([user('q')], { seed: 1.5 }))).param).toBe('seed');
    expect(rejection(() => decode(chat([user('q')], { stop: ['a', 1] }))).param).toBe('stop');
    expect(rejection(() => decode(chat([user('q')], { reasoning_effort: 'extreme' }))).param).toBe('reasoning_effort');
    expect(rejection(() => decode(chat([user('q')], { response_format: { type: 'yaml' } }))).param).toBe('response_format.type');
    expect(rejection(() => decode(chat([user(42)]))).param).toBe('messages[0].content');
    expect(rejection(() => decode({ model: 'm' })).param).toBe('messages');
  });
});
