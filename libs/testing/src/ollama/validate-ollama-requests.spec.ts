import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '../fixture-files.js';
import type { JsonObject } from '../json-value.js';
import { base64Problem } from './go-json-errors.js';
import { validateChatRequest } from './validate-chat-request.js';
import { validateGenerateRequest } from './validate-generate-request.js';

const CHAT_FIXTURES = ['chat.request.json', 'chat.stream.request.json', 'chat.tools.request.json', 'chat.tools.followup.request.json', 'chat.vision.request.json'];
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const chat = (overrides: JsonObject = {}): JsonObject => ({ ...readFixtureJson<JsonObject>('ollama/chat.request.json'), ...overrides });
const followup = (): JsonObject => readFixtureJson<JsonObject>('ollama/chat.tools.followup.request.json');
const generate = (overrides: JsonObject = {}): JsonObject => ({ ...readFixtureJson<JsonObject>('ollama/generate.request.json'), ...overrides });

describe('validateChatRequest', () => {
  it.each(CHAT_FIXTURES)('accepts %s, also in the codec form (options {} and stream spelled out)', (name) => {
    const body = readFixtureJson<JsonObject>(`ollama/${name}`);
    expect(validateChatRequest(body)).toBeUndefined();
    expect(validateChatRequest({ ...body, options: body['options'] ?? {}, stream: body['stream'] ?? true })).toBeUndefined();
  });

  it('refuses content given as parts: content must be a string', () => {
    const body = chat({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    expect(validateChatRequest(body)).toBe('json: cannot unmarshal array into Go struct field Message.messages.content of type string');
  });

  it('refuses images with a data: prefix or as URLs (raw base64 only), accepts raw base64 (#13)', () => {
    const withImage = (image: string) => chat({ messages: [{ role: 'user', content: 'Describe', images: [image] }] });
    expect(validateChatRequest(withImage(PNG))).toBeUndefined();
    expect(validateChatRequest(withImage(`data:image/png;base64,${PNG}`))).toBe('illegal base64 data at input byte 4');
    expect(validateChatRequest(withImage('https://example.com/cat.png'))).toBe('illegal base64 data at input byte 5');
  });

  it('refuses tool call arguments given as a JSON string (#4)', () => {
    const body = followup();
    const messages = body['messages'] as Array<{ tool_calls?: Array<{ function: { arguments: unknown } }> }>;
    const call = messages[2]?.tool_calls?.[0];
    if (call === undefined) throw new Error('fixture changed');
    call.function.arguments = '{"city":"Paris"}';
    expect(validateChatRequest(body)).toBe(
      'json: cannot unmarshal string into Go struct field ToolCallFunction.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments',
    );
  });

  it('refuses unknown fields at the top level and in messages', () => {
    expect(validateChatRequest(chat({ max_tokens: 10 }))).toBe('json: unknown field "max_tokens"');
    expect(validateChatRequest(chat({ messages: [{ role: 'user', content: 'hi', name: 'bob' }] }))).toBe('json: unknown field "messages[0].name"');
  });

  it('checks options: an object, known keys, the right types', () => {
    expect(validateChatRequest(chat({ options: 'fast' }))).toBe(
      'json: cannot unmarshal string into Go struct field ChatRequest.options of type map[string]interface {}',
    );
    expect(validateChatRequest(chat({ options: { max_tokens: 5 } }))).toBe('invalid option provided: "max_tokens"');
    expect(validateChatRequest(chat({ options: { temperature: 'hot' } }))).toBe('option "temperature" must be of type number');
    expect(validateChatRequest(chat({ options: { stop: 'END' } }))).toBe('option "stop" must be of type array of strings');
    expect(validateChatRequest(chat({ options: { use_mmap: true, num_ctx: 4096, stop: ['a'] } }))).toBeUndefined();
  });

  it('requires a string model', () => {
    const { model: _model, ...withoutModel } = chat();
    expect(validateChatRequest(withoutModel)).toBe('model is required');
    expect(validateChatRequest(chat({ model: '' }))).toBe('model is required');
    expect(validateChatRequest(chat({ model: 42 }))).toBe('json: cannot unmarshal number into Go struct field ChatRequest.model of type string');
  });

  it('checks roles, tools, think, format, stream, keep_alive and top_logprobs', () => {
    expect(validateChatRequest(chat({ messages: [{ role: 'developer', content: 'x' }] }))).toMatch(/^invalid message role "developer"/);
    expect(validateChatRequest(chat({ messages: [{ role: 'USER', content: 'x' }] }))).toBeUndefined();
    expect(validateChatRequest(chat({ tools: [{ type: 'custom', function: { name: 'f' } }] }))).toBe('tools[0].type must be "function", got "custom"');
    expect(validateChatRequest(chat({ tools: [{ type: 'function', function: { description: 'd' } }] }))).toBe('tools[0].function.name is required');
    expect(validateChatRequest(chat({ think: 'extreme' }))).toMatch(/^invalid think value: "extreme"/);
    expect(validateChatRequest(chat({ think: 'high' }))).toBeUndefined();
    expect(validateChatRequest(chat({ format: 'yaml' }))).toMatch(/^invalid format/);
    expect(validateChatRequest(chat({ format: { type: 'object' } }))).toBeUndefined();
    expect(validateChatRequest(chat({ stream: 'yes' }))).toBe('json: cannot unmarshal string into Go struct field ChatRequest.stream of type bool');
    expect(validateChatRequest(chat({ keep_alive: '5 minutes' }))).toBe('time: invalid duration "5 minutes"');
    expect(validateChatRequest(chat({ keep_alive: 0 }))).toBeUndefined();
    expect(validateChatRequest(chat({ top_logprobs: 21, logprobs: true }))).toBe('top_logprobs must be between 0 and 20');
  });

  it('treats null as absent, as Go does', () => {
    expect(validateChatRequest(chat({ tools: null, format: null, messages: [{ role: 'assistant', content: null }] }))).toBeUndefined();
  });
});

describe('validateGenerateRequest', () => {
  it('accepts the generate fixtures', () => {
    expect(validateGenerateRequest(generate())).toBeUndefined();
    expect(validateGenerateRequest(readFixtureJson<JsonObject>('ollama/generate.stream.request.json'))).toBeUndefined();
    expect(validateGenerateRequest(generate({ suffix: 'x', raw: false }))).toBeUndefined();
  });

  it('refuses raw mode with a system prompt, template or context', () => {
    expect(validateGenerateRequest(generate({ system: 'Be brief.' }))).toBe('raw mode does not support template, system, or context');
    expect(validateGenerateRequest(generate({ context: [1, 2] }))).toBe('raw mode does not support template, system, or context');
    expect(validateGenerateRequest(generate({ raw: false, system: 'Be brief.' }))).toBeUndefined();
  });

  it('refuses chat fields, wrong types and bad images', () => {
    expect(validateGenerateRequest(generate({ messages: [] }))).toBe('json: unknown field "messages"');
    expect(validateGenerateRequest(generate({ prompt: ['a', 'b'] }))).toBe('json: cannot unmarshal array into Go struct field GenerateRequest.prompt of type string');
    expect(validateGenerateRequest(generate({ images: ['data:image/png;base64,AAAA'] }))).toBe('illegal base64 data at input byte 4');
    expect(validateGenerateRequest(generate({ raw: false, context: [1, 'x'] }))).toBe('json: cannot unmarshal string into Go struct field GenerateRequest.context of type int');
  });
});

describe('base64Problem', () => {
  it('accepts padded standard base64 and refuses other alphabets and bad padding', () => {
    expect(base64Problem(PNG)).toBeUndefined();
    expect(base64Problem('')).toBeUndefined();
    expect(base64Problem('abc')).toBe('illegal base64 data at input byte 3');
    expect(base64Problem('ab-_')).toBe('illegal base64 data at input byte 2');
    expect(base64Problem('a=bc')).toBe('illegal base64 data at input byte 4');
  });
});
