import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RouterError } from '@llm-router/core';
import { inspectMessagesRequest } from './inspect-messages-request.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url), 'utf8'));
}

function rejection(body: unknown): RouterError {
  try {
    inspectMessagesRequest(body);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected inspect to throw');
}

const valid = { model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] };

describe('inspectMessagesRequest', () => {
  it.each([
    ['basic.request.json', false],
    ['basic.stream.request.json', true],
    ['tools.stream.request.json', true],
    ['thinking.stream.request.json', true],
    ['vision.request.json', false],
    ['tools.followup.request.json', false],
  ])('accepts the fixture %s', (name, stream) => {
    expect(inspectMessagesRequest(fixture(name))).toEqual({ model: 'claude-haiku-4-5', stream });
  });

  it('accepts max_tokens 0 (cache pre-warm), a string system, and null for the optional fields', () => {
    expect(inspectMessagesRequest({ ...valid, max_tokens: 0, system: 'be brief' })).toEqual({
      model: 'claude-haiku-4-5',
      stream: false,
    });
    expect(inspectMessagesRequest({ ...valid, stream: null, system: null }).stream).toBe(false);
  });

  it.each([
    ['a missing max_tokens', { model: 'm', messages: [] }, 'max_tokens: Field required', 'max_tokens'],
    ['a string max_tokens', { ...valid, max_tokens: '16' }, 'max_tokens: Input should be a valid integer', 'max_tokens'],
    ['a fractional max_tokens', { ...valid, max_tokens: 1.5 }, 'max_tokens: Input should be a valid integer', 'max_tokens'],
    ['a negative max_tokens', { ...valid, max_tokens: -1 }, 'max_tokens: Input should be greater than or equal to 0', 'max_tokens'],
    ['a string stream', { ...valid, stream: 'true' }, 'stream: Input should be a valid boolean', 'stream'],
    ['a missing model', { max_tokens: 1, messages: [] }, 'model: Field required', 'model'],
    ['a numeric model', { ...valid, model: 4 }, 'model: Input should be a valid string', 'model'],
    ['an empty model', { ...valid, model: '' }, 'model: String should have at least 1 character', 'model'],
    ['missing messages', { model: 'm', max_tokens: 1 }, 'messages: Field required', 'messages'],
    ['messages not a list', { ...valid, messages: {} }, 'messages: Input should be a valid list', 'messages'],
    ['a message not an object', { ...valid, messages: ['hi'] }, 'messages.0: Input should be a valid dictionary', 'messages[0]'],
    [
      'a message without role',
      { ...valid, messages: [{ role: 'user', content: 'a' }, { content: 'b' }] },
      'messages.1.role: Field required',
      'messages[1].role',
    ],
    ['a numeric role', { ...valid, messages: [{ role: 1 }] }, 'messages.0.role: Input should be a valid string', 'messages[0].role'],
    ['a numeric system', { ...valid, system: 3 }, 'system: Input should be a valid string or a list of text blocks', 'system'],
  ])('rejects %s', (_case, body, message, param) => {
    const error = rejection(body);
    expect(error.kind).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
    expect(error.param).toBe(param);
  });

  it.each([
    ['an array', []],
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
  ])('rejects a body that is %s', (_case, body) => {
    const error = rejection(body);
    expect(error.status).toBe(400);
    expect(error.message).toBe('body: Input should be a valid dictionary');
  });
});
