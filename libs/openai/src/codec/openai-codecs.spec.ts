import { describe, expect, it } from '@jest/globals';
import { type ClientCodec, RouterError } from '@llm-router/core';
import { openAIChatCodec, openAICompletionsCodec } from '../index.js';
import { testContext } from '../test-context.spec-helper.js';

describe.each<[string, ClientCodec, string]>([
  ['openai-chat', openAIChatCodec, 'chat.completion'],
  ['openai-completions', openAICompletionsCodec, 'text_completion'],
])('%s codec', (format, codec, object) => {
  it('declares its format and SSE content type', () => {
    expect(codec.format).toBe(format);
    expect(codec.streamContentType).toBe('text/event-stream; charset=utf-8');
  });

  it('inspects, renders errors, frames and encodes in the OpenAI shape', () => {
    const body = format === 'openai-chat' ? { model: 'm', messages: [{ role: 'user' }], stream: true } : { model: 'm', prompt: 'p', stream: true };
    expect(codec.inspect(body)).toEqual({ model: 'm', stream: true });
    expect(codec.renderError(new RouterError('not_found', 'no such model'), 'req').status).toBe(404);
    expect(codec.streamErrorFrame(new RouterError('timeout', 't'))).toMatch(/^data: \{"error":/);
    expect(codec.isTerminalFrame({ data: '[DONE]' })).toBe(true);
    expect(codec.passthroughFrame({ data: '{"model":"up"}', raw: 'data: {"model":"up"}\n\n' }, 'm')).toBe('data: {"model":"m"}\n\n');
    const response = codec.encodeResponse({
      id: 'x',
      model: 'm',
      parts: [{ type: 'text', text: 'hi' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 1, outputTokens: 1 },
      created: 1,
    });
    expect(response).toMatchObject({ object, model: 'm' });
  });

  it('names the openai-* request headers as its protocol headers, and nothing else', () => {
    for (const header of ['openai-organization', 'OpenAI-Project', 'openai-beta']) expect(codec.protocolHeaders.test(header)).toBe(true);
    for (const header of ['anthropic-version', 'authorization', 'x-openai-thing', 'content-type']) expect(codec.protocolHeaders.test(header)).toBe(false);
  });

  it('decodes its own request format into the IR', () => {
    const body = format === 'openai-chat' ? { model: 'm', messages: [{ role: 'user', content: 'hi' }] } : { model: 'm', prompt: 'hi' };
    const ir = codec.decodeRequest(body, testContext());
    expect(ir).toMatchObject({ model: 'm', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }], stream: false });
  });

  it('creates an independent stream encoder per stream', () => {
    const first = codec.createStreamEncoder({ includeUsage: false });
    const second = codec.createStreamEncoder({ includeUsage: false });
    expect(first).not.toBe(second);
    first.encode({ type: 'start', id: 'a', model: 'm', created: 1 });
    first.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } });
    second.encode({ type: 'start', id: 'b', model: 'm', created: 1 });
    expect(second.encode({ type: 'text_delta', index: 0, text: 'still open' })).toContain('still open');
  });
});
