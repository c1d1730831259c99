import { describe, expect, it } from '@jest/globals';
import { isUsageOnlyFrame } from './is-usage-only-frame.js';
import { requestStreamUsage } from './request-stream-usage.js';

describe('requestStreamUsage', () => {
  it('asks for usage when the client did not, keeping its other stream options, and says so', () => {
    const body: Record<string, unknown> = { stream: true };
    expect(requestStreamUsage(body)).toBe(true);
    expect(body['stream_options']).toEqual({ include_usage: true });
    const withOptions: Record<string, unknown> = { stream: true, stream_options: { include_obfuscation: false, include_usage: false } };
    expect(requestStreamUsage(withOptions)).toBe(true);
    expect(withOptions['stream_options']).toEqual({ include_obfuscation: false, include_usage: true });
  });

  it('changes nothing when the client asked for usage itself', () => {
    const body: Record<string, unknown> = { stream: true, stream_options: { include_usage: true } };
    expect(requestStreamUsage(body)).toBe(false);
    expect(body).toEqual({ stream: true, stream_options: { include_usage: true } });
  });
});

describe('isUsageOnlyFrame', () => {
  it("is OpenAI's final choices:[] chunk with a usage object, however spaced", () => {
    expect(isUsageOnlyFrame({ data: '{"id":"c","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}' })).toBe(true);
    expect(isUsageOnlyFrame({ data: '{"choices": [ ], "usage": {"prompt_tokens": 1}}' })).toBe(true);
  });

  it('is not a content chunk, a chunk with usage null, [DONE] or broken JSON', () => {
    expect(isUsageOnlyFrame({ data: '{"choices":[{"index":0,"delta":{"content":"[]"}}],"usage":null}' })).toBe(false);
    expect(isUsageOnlyFrame({ data: '{"choices":[],"usage":null}' })).toBe(false);
    expect(isUsageOnlyFrame({ data: '[DONE]' })).toBe(false);
    expect(isUsageOnlyFrame({ data: '{"choices":[],' })).toBe(false);
  });
});
