import { describe, expect, it } from '@jest/globals';
import { SseParser } from '@llm-router/core';
import { readFixture } from '@llm-router/testing';
import { StreamUsage } from './stream-usage.js';

const usageOfStream = (fixture: string) => {
  const usage = new StreamUsage();
  for (const frame of new SseParser().push(readFixture(fixture))) usage.observe(frame.data);
  return usage.usage;
};

describe('StreamUsage', () => {
  it("reads OpenAI's usage chunk", () => {
    expect(usageOfStream('openai-chat/basic.stream.sse')).toEqual({ inputTokens: 27, outputTokens: 23 });
  });

  it("reads Anthropic's message_start input (cache included) and message_delta output", () => {
    const expected = readFixture('anthropic/basic.stream.sse').toString('utf8');
    const start = /"usage":\{"input_tokens":(\d+)[^}]*?"cache_creation_input_tokens":(\d+),"cache_read_input_tokens":(\d+)/.exec(expected);
    const output = /"type":"message_delta".*"output_tokens":(\d+)/.exec(expected);
    const input = Number(start?.[1]) + Number(start?.[2]) + Number(start?.[3]);
    expect(usageOfStream('anthropic/basic.stream.sse')).toEqual({ inputTokens: input, outputTokens: Number(output?.[1]) });
  });

  it('reads usage however the upstream spaces its JSON', () => {
    const usage = new StreamUsage();
    usage.observe('{"choices": [], "usage": {"prompt_tokens": 17, "completion_tokens": 5, "total_tokens": 22}}');
    expect(usage.usage).toEqual({ inputTokens: 17, outputTokens: 5 });
    const pretty = new StreamUsage();
    pretty.observe(JSON.stringify({ type: 'message_delta', usage: { output_tokens: 9 } }, null, 2));
    expect(pretty.usage).toEqual({ inputTokens: 0, outputTokens: 9 });
  });

  it('ignores a frame nested too deep to parse safely', () => {
    const usage = new StreamUsage();
    usage.observe(`{"usage":{"prompt_tokens":1},"x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(usage.usage).toBeUndefined();
  });

  it('reports nothing for a stream without usage', () => {
    const usage = new StreamUsage();
    usage.observe('{"choices":[{"delta":{"content":"hi"}}],"usage":null}');
    usage.observe('[DONE]');
    expect(usage.usage).toBeUndefined();
  });

  it("reads the Responses API's usage from the terminal event's response", () => {
    const usage = new StreamUsage();
    usage.observe('{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","status":"in_progress","usage":null}}');
    usage.observe('{"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","status":"completed","usage":{"input_tokens":27,"input_tokens_details":{"cached_tokens":0},"output_tokens":87,"total_tokens":114}}}');
    expect(usage.usage).toEqual({ inputTokens: 27, outputTokens: 87 });
  });
});
