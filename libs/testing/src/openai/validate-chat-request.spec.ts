import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '../fixture-files.js';
import type { JsonObject } from '../json-value.js';
import { validateChatRequest } from './validate-chat-request.js';
import { validateCompletionsRequest } from './validate-completions-request.js';

const user = { role: 'user', content: 'hi' };
const chat = (extra: JsonObject): JsonObject => ({ model: 'gpt-4.1-mini', messages: [user], ...extra });
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };
const call = (id: string, args: unknown = '{}') => ({ id, type: 'function', function: { name: 'get_weather', arguments: args } });

describe('validateChatRequest', () => {
  it.each(['basic.request.json', 'basic.stream.request.json', 'tools.stream.request.json', 'tools.followup.request.json', 'vision.request.json'])(
    'accepts the fixture openai-chat/%s',
    (name) => {
      expect(validateChatRequest(readFixtureJson<JsonObject>(`openai-chat/${name}`))).toBeUndefined();
    },
  );

  it.each<[string, JsonObject, { message?: string | RegExp; param?: string | null; code?: string | null }]>([
    ['an unknown parameter', chat({ max_output_tokens: 5 }), { message: 'Unrecognized request argument supplied: max_output_tokens', param: null }],
    ['a missing model', { messages: [user] }, { message: 'you must provide a model parameter' }],
    ['missing messages', { model: 'm' }, { message: "Missing required parameter: 'messages'.", param: 'messages', code: 'missing_required_parameter' }],
    ['empty messages', chat({ messages: [] }), { param: 'messages', code: 'empty_array' }],
    ['an unknown role', chat({ messages: [{ role: 'human', content: 'x' }] }), { message: /^Invalid value: 'human'\. Supported values are: 'system', .* and 'developer'\.$/, param: 'messages[0].role', code: 'invalid_value' }],
    ['an image in a system message', chat({ messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }, user] }), { param: 'messages[0].content[0].type', code: 'invalid_value' }],
    ['an Anthropic tool_use part on a user message', chat({ messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'x' }] }] }), { param: 'messages[0].content[0].type', code: 'invalid_value' }],
    ['null content on a user message', chat({ messages: [{ role: 'user', content: null }] }), { param: 'messages[0].content', code: 'invalid_type' }],
    ['a text part without text', chat({ messages: [{ role: 'user', content: [{ type: 'text' }] }] }), { param: 'messages[0].content[0].text', code: 'missing_required_parameter' }],
    ['a tool message without tool_call_id', chat({ messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1')] }, { role: 'tool', content: 'r' }] }), { param: 'messages[2].tool_call_id' }],
    ['a tool message without a preceding tool call', chat({ messages: [user, { role: 'tool', tool_call_id: 'c1', content: 'r' }] }), { message: /must be a response to a preceeding message with 'tool_calls'/, param: 'messages.[1].role' }],
    ['a tool message answering an unknown id', chat({ messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c9', content: 'r' }] }), { message: /'tool_call_id' of 'c9' not found/ }],
    ['tool calls left unanswered', chat({ messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1'), call('c2')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }, user] }), { message: /did not have response messages: c2$/, param: 'messages.[1].role' }],
    ['object tool-call arguments', chat({ messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1', { city: 'Paris' })] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }] }), { param: 'messages[1].tool_calls[0].function.arguments', code: 'invalid_type' }],
    ['a string stream flag', chat({ stream: 'true' }), { param: 'stream', code: 'invalid_type' }],
    ['stream_options without stream', chat({ stream_options: { include_usage: true } }), { message: "The 'stream_options' parameter is only allowed when 'stream' is enabled." }],
    ['temperature above 2', chat({ temperature: 3 }), { message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.", code: 'decimal_above_max_value' }],
    ['n = 0', chat({ n: 0 }), { param: 'n', code: 'integer_below_min_value' }],
    ['five stop sequences', chat({ stop: ['a', 'b', 'c', 'd', 'e'] }), { param: 'stop', code: 'array_above_max_length' }],
    ['tool_choice without tools', chat({ tool_choice: 'auto' }), { message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", param: 'tool_choice' }],
    ['a tool name with a dot', chat({ tools: [{ type: 'function', function: { name: 'functions.get_weather' } }] }), { param: 'tools[0].function.name', code: 'invalid_value' }],
  ])('refuses %s', (_name, body, expected) => {
    const found = validateChatRequest(body);
    expect(found).toBeDefined();
    if (expected.message instanceof RegExp) expect(found?.message).toMatch(expected.message);
    else if (expected.message !== undefined) expect(found?.message).toBe(expected.message);
    if (expected.param !== undefined) expect(found?.param).toBe(expected.param);
    if (expected.code !== undefined) expect(found?.code).toBe(expected.code);
  });

  it('accepts tool calls answered in order, nullable parameters and a forced function choice', () => {
    const body = chat({
      messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1'), call('c2')] }, { role: 'tool', tool_call_id: 'c2', content: 'b' }, { role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: 'a' }] }],
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      temperature: null,
      stream: false,
    });
    expect(validateChatRequest(body)).toBeUndefined();
  });
});

describe('validateCompletionsRequest', () => {
  it.each(['basic.request.json', 'stream.request.json'])('accepts the fixture openai-completions/%s', (name) => {
    expect(validateCompletionsRequest(readFixtureJson<JsonObject>(`openai-completions/${name}`))).toBeUndefined();
  });

  it('accepts token-array prompts and refuses a missing prompt, chat parameters and a boolean logprobs', () => {
    expect(validateCompletionsRequest({ model: 'm', prompt: [[1, 2], [3]] })).toBeUndefined();
    expect(validateCompletionsRequest({ model: 'm' })).toMatchObject({ message: "Missing required parameter: 'prompt'.", param: 'prompt' });
    expect(validateCompletionsRequest({ model: 'm', prompt: 'x', messages: [] })?.message).toBe('Unrecognized request argument supplied: messages');
    expect(validateCompletionsRequest({ model: 'm', prompt: 'x', logprobs: true })).toMatchObject({ param: 'logprobs', code: 'invalid_type' });
    expect(validateCompletionsRequest({ model: 'm', prompt: 'x', logprobs: 6 })).toMatchObject({ code: 'integer_above_max_value' });
    expect(validateCompletionsRequest({ model: 'm', prompt: 'x', n: 3, best_of: 2 })).toMatchObject({ param: 'best_of' });
  });

  it('accepts name on a tool message (LangChain sends it), as a string only', () => {
    const turn = (extra: JsonObject) => chat({ tools: [weatherTool], messages: [user, { role: 'assistant', content: null, tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: 'sunny', ...extra }] });
    expect(validateChatRequest(turn({ name: 'get_weather' }))).toBeUndefined();
    expect(validateChatRequest(turn({ name: 7 }))).toMatchObject({ param: 'messages[2].name', code: 'invalid_type' });
  });
});
