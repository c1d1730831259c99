import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { anthropicMessagesCodec } from './anthropic-messages-codec.js';

describe('anthropicMessagesCodec', () => {
  it('declares its format and stream content type', () => {
    expect(anthropicMessagesCodec.format).toBe('anthropic-messages');
    expect(anthropicMessagesCodec.streamContentType).toBe('text/event-stream; charset=utf-8');
  });

  it('routes a request', () => {
    const body = { model: 'claude-haiku-4-5', max_tokens: 8, stream: true, messages: [{ role: 'user', content: 'hi' }] };
    expect(anthropicMessagesCodec.inspect(body)).toEqual({ model: 'claude-haiku-4-5', stream: true });
  });

  it('names the headers of its protocol, dropped when a request is translated for another family', () => {
    for (const name of ['anthropic-version', 'anthropic-beta', 'Anthropic-Dangerous-Direct-Browser-Access']) {
      expect(anthropicMessagesCodec.protocolHeaders.test(name)).toBe(true);
    }
    for (const name of ['x-api-key', 'authorization', 'content-type', 'x-anthropic-thing', 'openai-organization']) {
      expect(anthropicMessagesCodec.protocolHeaders.test(name)).toBe(false);
    }
  });

  it('writes the in-band stream error as a named error event', () => {
    expect(anthropicMessagesCodec.streamErrorFrame(new RouterError('overloaded', 'Overloaded', { status: 529 }))).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    );
    expect(anthropicMessagesCodec.streamErrorFrame(new RouterError('timeout', 'stream idle'))).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"timeout_error","message":"stream idle"}}\n\n',
    );
  });

  it('creates one independent encoder per stream', () => {
    const first = anthropicMessagesCodec.createStreamEncoder({ includeUsage: false });
    const second = anthropicMessagesCodec.createStreamEncoder({ includeUsage: true });
    expect(first).not.toBe(second);
    first.encode({ type: 'start', id: 'a', model: 'm', created: 1 });
    first.encode({ type: 'finish', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } });
    expect(first.encode({ type: 'start', id: 'b', model: 'm', created: 1 })).toBe('');
    expect(second.encode({ type: 'start', id: 'b', model: 'm', created: 1 })).toMatch(/^event: message_start\n/);
  });

  it('encodes a complete response', () => {
    const encoded = anthropicMessagesCodec.encodeResponse({
      id: 'x',
      model: 'm',
      parts: [{ type: 'text', text: 'hi' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 1 },
      created: 1,
    });
    expect(encoded).toMatchObject({ id: 'msg_x', type: 'message', content: [{ type: 'text', text: 'hi' }] });
  });
});
