import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { inspectChatRequest } from './inspect-chat-request.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../testing/fixtures/openai-chat/${name}`, import.meta.url), 'utf8'));

function rejection(body: unknown): RouterError {
  try {
    inspectChatRequest(body);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected inspectChatRequest to throw');
}

const valid = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }] };

describe('inspectChatRequest', () => {
  it.each([
    ['basic.request.json', false],
    ['basic.stream.request.json', true],
    ['tools.stream.request.json', true],
    ['tools.followup.request.json', false],
    ['vision.request.json', false],
  ])('accepts the %s fixture (stream %s)', (name, stream) => {
    expect(inspectChatRequest(fixture(name))).toEqual({ model: 'gpt-4.1-mini', stream });
  });

  it('treats null optional fields as absent and accepts zero token limits', () => {
    const body = { ...valid, stream: null, stream_options: null, max_tokens: 0, n: null, temperature: null, top_p: 0.5 };
    expect(inspectChatRequest(body)).toEqual({ model: 'gpt-4.1-mini', stream: false });
  });

  it.each<[string, unknown, string | undefined, string]>([
    ['a non-object body', [valid], undefined, 'Invalid body: expected a JSON object, but got an array instead.'],
    ['a null body', null, undefined, 'Invalid body: expected a JSON object, but got null instead.'],
    ['a missing model', { messages: valid.messages }, 'model', "Missing required parameter: 'model'."],
    ['a numeric model', { ...valid, model: 4 }, 'model', "Invalid type for 'model': expected a string, but got an integer instead."],
    [
      'an empty model',
      { ...valid, model: '' },
      'model',
      "Invalid 'model': empty string. Expected a string with minimum length 1, but got an empty string instead.",
    ],
    ['missing messages', { model: 'm' }, 'messages', "Missing required parameter: 'messages'."],
    [
      'messages as a string',
      { model: 'm', messages: 'hi' },
      'messages',
      "Invalid type for 'messages': expected an array of objects, but got a string instead.",
    ],
    [
      'empty messages',
      { model: 'm', messages: [] },
      'messages',
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    ],
    [
      'a message that is not an object',
      { model: 'm', messages: [{ role: 'user' }, 'hi'] },
      'messages[1]',
      "Invalid type for 'messages[1]': expected an object, but got a string instead.",
    ],
    ['a message without role', { model: 'm', messages: [{ content: 'hi' }] }, 'messages[0].role', "Missing required parameter: 'messages[0].role'."],
    [
      'a non-string role',
      { model: 'm', messages: [{ role: 1 }] },
      'messages[0].role',
      "Invalid type for 'messages[0].role': expected a string, but got an integer instead.",
    ],
    ['a string stream', { ...valid, stream: 'true' }, 'stream', "Invalid type for 'stream': expected a boolean, but got a string instead."],
    [
      'stream_options as an array',
      { ...valid, stream: true, stream_options: [] },
      'stream_options',
      "Invalid type for 'stream_options': expected an object, but got an array instead.",
    ],
    [
      'a decimal max_tokens',
      { ...valid, max_tokens: 1.5 },
      'max_tokens',
      "Invalid type for 'max_tokens': expected an integer, but got a decimal number instead.",
    ],
    [
      'a negative max_completion_tokens',
      { ...valid, max_completion_tokens: -1 },
      'max_completion_tokens',
      "Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 0, but got -1 instead.",
    ],
    ['a string n', { ...valid, n: '2' }, 'n', "Invalid type for 'n': expected an integer, but got a string instead."],
    [
      'a string temperature',
      { ...valid, temperature: '0.7' },
      'temperature',
      "Invalid type for 'temperature': expected a number, but got a string instead.",
    ],
    ['a boolean top_p', { ...valid, top_p: true }, 'top_p', "Invalid type for 'top_p': expected a number, but got a boolean instead."],
  ])('rejects %s with a 400 naming the field', (_case, body, param, message) => {
    const error = rejection(body);
    expect(error.kind).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).toBe(message);
  });
});
