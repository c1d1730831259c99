import { describe, expect, it } from '@jest/globals';
import { CLIENT_FORMATS, clientFormatForPath } from './client-format.js';

describe('clientFormatForPath', () => {
  it.each([
    ['/v1/chat/completions', 'openai-chat'],
    ['/v1/completions?x=1', 'openai-completions'],
    ['/v1/responses', 'openai-responses'],
    ['/v1/responses?stream=true', 'openai-responses'],
    ['/v1/messages/count_tokens', 'anthropic-messages'],
    ['/nope', 'openai-chat'],
  ] as const)('%s -> %s', (path, format) => {
    expect(clientFormatForPath(path)).toBe(format);
  });

  it('every format is listed once', () => {
    expect(new Set(CLIENT_FORMATS).size).toBe(CLIENT_FORMATS.length);
    expect(CLIENT_FORMATS).toContain('openai-responses');
  });
});
