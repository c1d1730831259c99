import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RouterError, type IrRequest, type IrTool } from '@llm-router/core';
import { anthropicMessagesCodec } from './anthropic-messages-codec.js';
import { decodeMessagesRequest } from './decode-messages-request.js';
import { testContext } from './translation-context.spec-helper.js';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function decode(body: unknown) {
  const context = testContext();
  return { ir: decodeMessagesRequest(body, context), warnings: context.warnings };
}

function rejection(body: unknown): RouterError {
  try {
    decodeMessagesRequest(body, testContext());
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected decodeRequest to throw');
}

const base = { model: 'claude-haiku-4-5', max_tokens: 64 };
const user = (content: unknown) => ({ ...base, messages: [{ role: 'user', content }] });

const weatherSchema = fixture('tools.stream.request.json')['tools'] as Array<{ input_schema: Record<string, unknown> }>;
const weatherTool: IrTool = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  parameters: weatherSchema[0]?.input_schema ?? {},
};

describe('decodeMessagesRequest: the fixtures', () => {
  it('basic.request.json: system blocks lose cache_control; sampling, stop and metadata.user_id map', () => {
    const { ir, warnings } = decode(fixture('basic.request.json'));
    const expected: IrRequest = {
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: 'You are a concise assistant.' }],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
      maxTokens: 1024,
      temperature: 0.7,
      stop: ['\n\nHuman:'],
      user: 'user-4f2a9c',
      stream: false,
    };
    expect(ir).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('basic.stream.request.json streams', () => {
    expect(decode(fixture('basic.stream.request.json')).ir.stream).toBe(true);
  });

  it('tools.stream.request.json: input_schema becomes parameters, tool_choice auto', () => {
    const { ir, warnings } = decode(fixture('tools.stream.request.json'));
    const expected: IrRequest = {
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }],
      messages: [{ role: 'user', parts: [{ type: 'text', text: "What's the weather in Paris and Tokyo right now?" }] }],
      tools: [weatherTool],
      toolChoice: { type: 'auto' },
      maxTokens: 1024,
      stream: true,
    };
    expect(ir).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('tools.followup.request.json: tool_use → tool_call, tool_result with toolName, is_error, results first', () => {
    const { ir } = decode(fixture('tools.followup.request.json'));
    expect(ir.messages).toEqual([
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
            toolName: 'get_weather',
            content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }],
            isError: false,
          },
          {
            type: 'tool_result',
            toolCallId: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y',
            toolName: 'get_weather',
            content: [{ type: 'text', text: 'Weather service timeout for Tokyo' }],
            isError: true,
          },
          { type: 'text', text: 'If Tokyo failed, just tell me about Paris.' },
        ],
      },
    ]);
    expect(ir.tools).toEqual([weatherTool]);
    expect(ir.system).toEqual([{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }]);
  });

  it('vision.request.json: base64 and url images, a base64 PDF document with its title', () => {
    const { ir } = decode(fixture('vision.request.json'));
    expect(ir.maxTokens).toBe(300);
    expect(ir.messages).toEqual([
      {
        role: 'user',
        parts: [
          {
            type: 'image',
            source: {
              kind: 'base64',
              mediaType: 'image/png',
              data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
            },
          },
          { type: 'image', source: { kind: 'url', url: 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png' } },
          {
            type: 'document',
            source: {
              kind: 'base64',
              mediaType: 'application/pdf',
              data: 'JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCnRyYWlsZXIKPDwvUm9vdCAxIDAgUj4+CiUlRU9GCg==',
            },
            title: 'tiny.pdf',
          },
          { type: 'text', text: 'Compare these two images in one sentence, then say whether the PDF is empty.' },
        ],
      },
    ]);
  });

  it('thinking.stream.request.json: an enabled budget', () => {
    const { ir } = decode(fixture('thinking.stream.request.json'));
    expect(ir).toMatchObject({ thinking: { type: 'enabled', budgetTokens: 2048 }, maxTokens: 4096, stream: true });
  });

  it('count_tokens.request.json decodes without max_tokens', () => {
    const { ir } = decode(fixture('count_tokens.request.json'));
    expect(ir.maxTokens).toBeUndefined();
    expect(ir.tools).toEqual([weatherTool]);
    expect(ir.system).toEqual([{ type: 'text', text: 'You are a weather assistant. Use tools when needed.' }]);
  });

  it('is the codec’s decodeRequest', () => {
    expect(anthropicMessagesCodec.decodeRequest(fixture('basic.request.json'), testContext())).toEqual(decode(fixture('basic.request.json')).ir);
  });
});

describe('decodeMessagesRequest: content', () => {
  it('reads tool_result content given as a string, as blocks with images, or absent', () => {
    const { ir } = decode({
      ...base,
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'shot', input: {} }, { type: 'tool_use', id: 't2', name: 'noop', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'see' }, { type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
            { type: 'tool_result', tool_use_id: 't2' },
            { type: 'tool_result', tool_use_id: 'unknown', content: 'orphan', is_error: false },
          ],
        },
      ],
    });
    expect(ir.messages[2]?.parts).toEqual([
      {
        type: 'tool_result',
        toolCallId: 't1',
        toolName: 'shot',
        content: [{ type: 'text', text: 'see' }, { type: 'image', source: { kind: 'url', url: 'https://x/y.png' } }],
        isError: false,
      },
      { type: 'tool_result', toolCallId: 't2', toolName: 'noop', content: [], isError: false },
      { type: 'tool_result', toolCallId: 'unknown', content: [{ type: 'text', text: 'orphan' }], isError: false },
    ]);
  });

  it('keeps thinking signatures and redacted thinking; an empty signature is no signature (#15)', () => {
    const { ir } = decode({
      ...base,
      messages: [
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'signed', signature: 'EqQBCkg' },
            { type: 'thinking', thinking: 'from a proxy', signature: '' },
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'text', text: 'a', citations: [{ type: 'char_location' }], cache_control: { type: 'ephemeral' } },
          ],
        },
      ],
    });
    expect(ir.messages[1]?.parts).toEqual([
      { type: 'thinking', text: 'signed', signature: 'EqQBCkg' },
      { type: 'thinking', text: 'from a proxy' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'a' },
    ]);
  });

  it('reads url and plain-text documents', () => {
    const { ir } = decode(
      user([
        { type: 'document', source: { type: 'url', url: 'https://x/a.pdf' } },
        { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain' }, title: 'notes', context: 'c', citations: { enabled: true } },
      ]),
    );
    expect(ir.messages[0]?.parts).toEqual([
      { type: 'document', source: { kind: 'url', url: 'https://x/a.pdf' } },
      { type: 'document', source: { kind: 'text', text: 'plain' }, title: 'notes' },
    ]);
  });

  it('hoists an SDK 1.x system message that no assistant turn precedes', () => {
    const { ir } = decode({
      ...base,
      system: 'first',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'second' }] },
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'third' },
        { role: 'user', content: 'again' },
      ],
    });
    expect(ir.system).toEqual([
      { type: 'text', text: 'first' },
      { type: 'text', text: 'second' },
      { type: 'text', text: 'third' },
    ]);
    expect(ir.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'hi' }, { type: 'text', text: 'again' }] }]);
  });

  it('turns a system message after an assistant turn into a <system-reminder> user text, after the tool results', () => {
    const { ir } = decode({
      ...base,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }] },
        { role: 'system', content: 'Stay brief.' },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
      ],
    });
    expect(ir.system).toEqual([]);
    expect(ir.messages[2]).toEqual({
      role: 'user',
      parts: [
        { type: 'tool_result', toolCallId: 't1', toolName: 'f', content: [{ type: 'text', text: 'ok' }], isError: false },
        { type: 'text', text: '<system-reminder>\nStay brief.\n</system-reminder>' },
      ],
    });
  });

  it('merges adjacent same-role turns and drops empty ones', () => {
    const { ir } = decode({
      ...base,
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: [{ type: 'text', text: 'b' }] },
        { role: 'assistant', content: '' },
      ],
    });
    expect(ir.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }]);
  });
});

describe('decodeMessagesRequest: tools and parameters', () => {
  it.each([
    [{ type: 'auto' }, { toolChoice: { type: 'auto' } }],
    [{ type: 'any' }, { toolChoice: { type: 'required' } }],
    [{ type: 'tool', name: 'get_weather' }, { toolChoice: { type: 'tool', name: 'get_weather' } }],
    [{ type: 'none' }, { toolChoice: { type: 'none' } }],
    [{ type: 'auto', disable_parallel_tool_use: true }, { toolChoice: { type: 'auto' }, parallelToolCalls: false }],
    [{ type: 'any', disable_parallel_tool_use: true }, { toolChoice: { type: 'required' }, parallelToolCalls: false }],
  ])('maps tool_choice %j', (toolChoice, expected) => {
    const { ir } = decode({ ...user('hi'), tools: [{ name: 'get_weather', input_schema: { type: 'object' } }], tool_choice: toolChoice });
    expect({ toolChoice: ir.toolChoice, ...(ir.parallelToolCalls === undefined ? {} : { parallelToolCalls: ir.parallelToolCalls }) }).toEqual(expected);
  });

  it('#12 keeps the tools with tool_choice none', () => {
    const { ir } = decode({ ...user('hi'), tools: [{ name: 'f', input_schema: { type: 'object' } }], tool_choice: { type: 'none' } });
    expect(ir.tools).toHaveLength(1);
    expect(ir.toolChoice).toEqual({ type: 'none' });
  });

  it('accepts custom tools (type custom, strict, no schema)', () => {
    const { ir } = decode({
      ...user('hi'),
      tools: [
        { type: 'custom', name: 'a', input_schema: { type: 'object', properties: { x: { type: 'string' } } }, strict: true, cache_control: { type: 'ephemeral' } },
        { name: 'b' },
      ],
    });
    expect(ir.tools).toEqual([
      { name: 'a', parameters: { type: 'object', properties: { x: { type: 'string' } } }, strict: true },
      { name: 'b', parameters: { type: 'object', properties: {} } },
    ]);
  });

  it('maps thinking adaptive and disabled, and output_config json_schema and effort', () => {
    expect(decode({ ...user('hi'), thinking: { type: 'adaptive', display: 'omitted' } }).ir.thinking).toEqual({ type: 'adaptive' });
    expect(decode({ ...user('hi'), thinking: { type: 'disabled' } }).ir.thinking).toEqual({ type: 'disabled' });
    const schema = { type: 'object', properties: { answer: { type: 'number' } }, required: ['answer'] };
    const { ir, warnings } = decode({ ...user('hi'), output_config: { format: { type: 'json_schema', schema }, effort: 'high' } });
    expect(ir.responseFormat).toEqual({ type: 'json_schema', name: 'response', schema });
    expect(ir.effort).toBe('high');
    expect(warnings).toEqual([]);
  });

  it('reads top_p, top_k, stream and null for absent optional fields', () => {
    const { ir } = decode({ ...user('hi'), top_p: 0.9, top_k: 40, stream: true, system: null, metadata: null, tools: null });
    expect(ir).toMatchObject({ topP: 0.9, topK: 40, stream: true, system: [] });
    expect(ir.tools).toBeUndefined();
    expect(ir.user).toBeUndefined();
  });

  it('drops Anthropic-only tuning and unknown fields with a warning each', () => {
    const { ir, warnings } = decode({
      ...user('hi'),
      service_tier: 'auto',
      cache_control: { type: 'ephemeral' },
      inference_geo: 'us',
      speed: 'fast',
      context_management: { edits: [] },
      thinking: { type: 'between_tools' },
    });
    expect(warnings).toEqual([
      'service_tier: Anthropic-only, dropped',
      'cache_control: Anthropic-only, dropped',
      'inference_geo: Anthropic-only, dropped',
      'speed: Anthropic-only, dropped',
      'context_management: not translated, dropped',
      'thinking.type: "between_tools" not translated, dropped',
    ]);
    expect(ir.thinking).toBeUndefined();
  });
});

describe('decodeMessagesRequest: refusals (400 naming the field)', () => {
  it.each([
    'server_tool_use',
    'web_search_tool_result',
    'web_fetch_tool_result',
    'code_execution_tool_result',
    'bash_code_execution_tool_result',
    'text_editor_code_execution_tool_result',
    'tool_search_tool_result',
    'mcp_tool_use',
  ])('refuses an assistant %s block', (type) => {
    const error = rejection({
      ...base,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'text', text: 'x' }, { type, id: 'srvtoolu_1' }] },
      ],
    });
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, param: 'messages[1].content[1].type' });
    expect(error.message).toContain(`'${type}'`);
  });

  it.each(['search_result', 'container_upload', 'something_new'])('refuses a user %s block', (type) => {
    expect(rejection(user([{ type: 'text', text: 'a' }, { type }]))).toMatchObject({ param: 'messages[0].content[1].type' });
  });

  it.each([
    ['web_search_20250305', 0],
    ['bash_20250124', 1],
    ['text_editor_20250728', 1],
  ])('refuses the server tool %s', (type, k) => {
    const tools = [{ name: 'f', input_schema: { type: 'object' } }];
    tools.splice(k, 0, { type, name: 'srv' } as never);
    const error = rejection({ ...user('hi'), tools });
    expect(error).toMatchObject({ status: 400, param: `tools[${k}].type` });
    expect(error.message).toContain(type);
  });

  it.each(['container', 'mcp_servers'])('refuses %s', (field) => {
    expect(rejection({ ...user('hi'), [field]: field === 'container' ? 'cntr_1' : [{ type: 'url', url: 'https://mcp', name: 'm' }] })).toMatchObject({
      status: 400,
      param: field,
    });
  });

  it('refuses file sources and documents inside tool results', () => {
    expect(rejection(user([{ type: 'image', source: { type: 'file', file_id: 'file_1' } }]))).toMatchObject({ param: 'messages[0].content[0].source.type' });
    expect(rejection(user([{ type: 'document', source: { type: 'content', content: [] } }]))).toMatchObject({ param: 'messages[0].content[0].source.type' });
    const error = rejection({
      ...base,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'document', source: { type: 'url', url: 'https://a' } }] }] },
      ],
    });
    expect(error).toMatchObject({ param: 'messages[2].content[0].content[0].type' });
  });

  it('refuses blocks in the wrong role, like Anthropic', () => {
    expect(rejection({ ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_result', tool_use_id: 't' }] }] })).toMatchObject({
      param: 'messages[0].content[0].type',
    });
    expect(rejection(user([{ type: 'tool_use', id: 't', name: 'f', input: {} }]))).toMatchObject({ param: 'messages[0].content[0].type' });
  });

  it('names malformed fields instead of crashing', () => {
    expect(rejection(user([{ type: 'text', text: 5 }]))).toMatchObject({ param: 'messages[0].content[0].text', message: 'messages[0].content[0].text: Input should be a valid string' });
    expect(rejection({ ...base, messages: [{ role: 'tool', content: 'x' }] })).toMatchObject({ param: 'messages[0].role' });
    expect(rejection({ ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: '{}' }] }] })).toMatchObject({
      param: 'messages[0].content[0].input',
    });
    expect(rejection({ ...user('hi'), tool_choice: { type: 'sometimes' } })).toMatchObject({ param: 'tool_choice.type' });
    expect(rejection({ ...user('hi'), thinking: { type: 'enabled' } })).toMatchObject({ param: 'thinking.budget_tokens' });
    expect(rejection({ ...user('hi'), stop_sequences: ['a', 1] })).toMatchObject({ param: 'stop_sequences[1]' });
    expect(rejection({ ...user('hi'), output_config: { format: { type: 'regex' } } })).toMatchObject({ param: 'output_config.format.type' });
    expect(rejection({ ...user('hi'), system: [{ type: 'image' }] })).toMatchObject({ param: 'system[0].type' });
    expect(rejection('nope')).toMatchObject({ param: 'body' });
  });
});

describe('decodeMessagesRequest: Claude Code (captured from 2.1.197)', () => {
  const firstTurn = () => fixture('claude-code-first-turn.request.json');
  const toolSearch = () => fixture('claude-code-tool-search.request.json');
  const toolResultText = (ir: IrRequest): string[] =>
    ir.messages.flatMap((message) => message.parts).flatMap((part) => (part.type === 'tool_result' ? part.content.map((inner) => (inner.type === 'text' ? inner.text : '')) : []));

  it('carries output_config.effort with adaptive thinking into the IR', () => {
    const { ir } = decode(firstTurn());
    expect(ir.thinking).toEqual({ type: 'adaptive' });
    expect(ir.effort).toBe('high');
    for (const effort of ['low', 'medium', 'high', 'xhigh', 'max'] as const) {
      expect(decode({ ...user('hi'), thinking: { type: 'adaptive' }, output_config: { effort } }).ir.effort).toBe(effort);
    }
  });

  it('refuses an effort Anthropic does not know, naming output_config.effort', () => {
    expect(rejection({ ...user('hi'), output_config: { effort: 'extreme' } }).param).toBe('output_config.effort');
  });

  it('strips only the x-anthropic-billing-header line from the system prompt', () => {
    const { ir } = decode(firstTurn());
    const system = ir.system.map((part) => part.text).join('\n');
    expect(system).not.toContain('x-anthropic-billing-header');
    expect(system).not.toContain('cc_version');
    expect(ir.system[0]?.text).toBe("You are a Claude agent, built on Anthropic's Claude Agent SDK.");
    const mixed = decode({ ...user('hi'), system: 'Be brief.\nx-anthropic-billing-header: cc_version=2.1.197.abc; cc_entrypoint=cli;\nAnswer in French.' }).ir;
    expect(mixed.system).toEqual([{ type: 'text', text: 'Be brief.\nAnswer in French.' }]);
    const untouched = decode({ ...user('hi'), system: 'Mention the x-anthropic-billing-header: header when asked.' }).ir;
    expect(untouched.system).toEqual([{ type: 'text', text: 'Mention the x-anthropic-billing-header: header when asked.' }]);
  });

  it('renders a tool_reference inside a tool_result as "Tool loaded: <name>"', () => {
    const { ir } = decode(toolSearch());
    expect(toolResultText(ir)).toEqual(['Tool loaded: WebFetch']);
  });

  it('offers a deferred tool once a tool_reference has loaded it', () => {
    const { ir, warnings } = decode(toolSearch());
    expect(ir.tools?.map((tool) => tool.name)).toEqual(['Bash', 'Read', 'ToolSearch', 'WebFetch']);
    expect(warnings.filter((warning) => warning.startsWith('tools:'))).toEqual([]);
  });

  it('withholds a deferred tool that nothing has loaded, with a warning', () => {
    const body = toolSearch();
    const messages = body['messages'] as unknown[];
    const { ir, warnings } = decode({ ...body, messages: messages.slice(0, 1) });
    expect(ir.tools?.map((tool) => tool.name)).toEqual(['Bash', 'Read', 'ToolSearch']);
    expect(warnings).toContain('tools: deferred tools not loaded by a tool_reference yet, not offered: WebFetch');
  });

  it('counts an earlier call or a tool_choice naming a deferred tool as loaded', () => {
    const deferred = { name: 'late', input_schema: { type: 'object', properties: {} }, defer_loading: true };
    const called = decode({
      ...base,
      tools: [deferred],
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'late', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'done' }] },
      ],
    }).ir;
    expect(called.tools?.map((tool) => tool.name)).toEqual(['late']);
    const chosen = decode({ ...user('go'), tools: [deferred], tool_choice: { type: 'tool', name: 'late' } }).ir;
    expect(chosen.tools?.map((tool) => tool.name)).toEqual(['late']);
  });

  it('refuses a tool_reference to a tool the request does not declare', () => {
    const body = toolSearch();
    const error = rejection({ ...body, tools: (body['tools'] as Array<{ name: string }>).filter((tool) => tool.name !== 'WebFetch') });
    expect(error.param).toBe('messages[2].content[0].content[0].tool_name');
  });

  it('accepts eager_input_streaming (sent by @ai-sdk/anthropic) and drops it; a non-boolean is a 400', () => {
    const schema = { type: 'object', properties: {} };
    expect(decode({ ...user('hi'), tools: [{ name: 'a', input_schema: schema, eager_input_streaming: true }] }).ir.tools).toEqual([{ name: 'a', parameters: schema }]);
    expect(rejection({ ...user('hi'), tools: [{ name: 'a', input_schema: schema, eager_input_streaming: 'yes' }] }).param).toBe('tools[0].eager_input_streaming');
    expect(rejection({ ...user('hi'), tools: [{ name: 'a', input_schema: schema, defer_loading: 1 }] }).param).toBe('tools[0].defer_loading');
  });
});
