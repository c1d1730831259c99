import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { inspectCompletionsRequest } from './inspect-completions-request.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../testing/fixtures/openai-completions/${name}`, import.meta.url), 'utf8'));

function rejection(body: unknown): RouterError {
  try {
    inspectCompletionsRequest(body);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected inspectCompletionsRequest to throw');
}

const PROMPT_MESSAGE = (got: string) =>
  `Invalid type for 'prompt': expected a string, an array of strings, an array of tokens, or an array of token arrays, but got ${got} instead.`;

describe('inspectCompletionsRequest', () => {
  it('accepts the fixtures (suffix:null included)', () => {
    expect(inspectCompletionsRequest(fixture('basic.request.json'))).toEqual({ model: 'gpt-3.5-turbo-instruct', stream: false });
    expect(inspectCompletionsRequest(fixture('stream.request.json'))).toEqual({ model: 'gpt-3.5-turbo-instruct', stream: true });
  });

  it.each<[string, unknown]>([
    ['a string array', ['a', 'b']],
    ['a token array', [1212, 318]],
    ['token arrays', [[1212], [318, 257]]],
    ['an empty string', ''],
  ])('accepts %s as prompt', (_case, prompt) => {
    expect(inspectCompletionsRequest({ model: 'm', prompt })).toEqual({ model: 'm', stream: false });
  });

  it.each<[string, unknown, string, string]>([
    ['a missing prompt', { model: 'm' }, 'prompt', "Missing required parameter: 'prompt'."],
    ['an object prompt', { model: 'm', prompt: { text: 'x' } }, 'prompt', PROMPT_MESSAGE('an object')],
    ['a mixed array prompt', { model: 'm', prompt: ['a', 1] }, 'prompt', PROMPT_MESSAGE('an array')],
    ['decimal tokens', { model: 'm', prompt: [1.5] }, 'prompt', PROMPT_MESSAGE('an array')],
    ['a token array holding a string', { model: 'm', prompt: [[1, 'a']] }, 'prompt', PROMPT_MESSAGE('an array')],
    ['a missing model', { prompt: 'x' }, 'model', "Missing required parameter: 'model'."],
    ['a string stream', { model: 'm', prompt: 'x', stream: 'yes' }, 'stream', "Invalid type for 'stream': expected a boolean, but got a string instead."],
    ['a negative n', { model: 'm', prompt: 'x', n: -2 }, 'n', "Invalid 'n': integer below minimum value. Expected a value >= 0, but got -2 instead."],
  ])('rejects %s', (_case, body, param, message) => {
    const error = rejection(body);
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, param, message });
  });
});
