import { describe, expect, it } from '@jest/globals';
import { type IrMessage, RouterError } from '@llm-router/core';
import { irRequest, testContext } from '../codec.spec-helper.js';
import { encodeMessages } from './encode-messages.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function encode(messages: IrMessage[], system: string[] = []) {
  const context = testContext();
  return { messages: encodeMessages(irRequest({ messages, system: system.map((text) => ({ type: 'text', text })) }), context), warnings: context.warnings };
}

function refusal(messages: IrMessage[]): RouterError {
  try {
    encode(messages);
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a RouterError');
}

describe('encodeMessages', () => {
  it('joins system parts into one leading system message and text parts into string content', () => {
    const { messages } = encode(
      [{ role: 'user', parts: [{ type: 'text', text: 'one' }, { type: 'text', text: '' }, { type: 'text', text: 'two' }] }],
      ['Be brief.', 'Answer in French.'],
    );
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.\n\nAnswer in French.' },
      { role: 'user', content: 'one\n\ntwo' },
    ]);
    expect(encode([{ role: 'user', parts: [{ type: 'text', text: 'x' }] }], ['']).messages).toEqual([{ role: 'user', content: 'x' }]);
  });

  it('puts images on the message, after the text, losing their position', () => {
    const { messages } = encode([
      { role: 'user', parts: [{ type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: PNG } }, { type: 'text', text: 'What is it?' }] },
    ]);
    expect(messages).toEqual([{ role: 'user', content: 'What is it?', images: [PNG] }]);
  });

  it('refuses an image URL with a 400 naming the part and saying how to fix it (#13)', () => {
    const error = refusal([
      { role: 'user', parts: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', parts: [{ type: 'text', text: 'hello' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Look:' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.png' } }] },
    ]);
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, param: 'messages[2].content[1]' });
    expect(error.message).toBe(
      'messages[2].content[1]: Ollama takes only base64 images; enable fetch_image_urls for this model or send the image inline',
    );
  });

  it('refuses documents with a 400 naming the part', () => {
    const error = refusal([{ role: 'user', parts: [{ type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' } }] }]);
    expect(error).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    expect(error.message).toContain('documents');
  });

  it('sends tool results first, one tool message each, then the rest of the user turn', () => {
    const { messages } = encode([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_a', name: 'lookup', arguments: { q: 'x' } }, { type: 'tool_call', id: 'call_b', name: 'fetch', arguments: {} }] },
      {
        role: 'user',
        parts: [
          { type: 'text', text: 'Thanks, and now?' },
          { type: 'tool_result', toolCallId: 'call_b', content: [{ type: 'text', text: 'timeout' }], isError: true },
          { type: 'tool_result', toolCallId: 'call_a', content: [{ type: 'text', text: 'part 1' }, { type: 'text', text: 'part 2' }], isError: false },
        ],
      },
    ]);
    expect(messages.slice(1)).toEqual([
      { role: 'tool', content: 'Error: timeout', tool_name: 'fetch', tool_call_id: 'call_b' },
      { role: 'tool', content: 'part 1\n\npart 2', tool_name: 'lookup', tool_call_id: 'call_a' },
      { role: 'user', content: 'Thanks, and now?' },
    ]);
  });

  it('leaves tool_name out when neither the part nor the history knows it, and keeps tool-result images', () => {
    const { messages } = encode([
      {
        role: 'user',
        parts: [{ type: 'tool_result', toolCallId: 'call_x', content: [{ type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: PNG } }], isError: false }],
      },
    ]);
    expect(messages).toEqual([{ role: 'tool', content: '', tool_call_id: 'call_x', images: [PNG] }]);
    const error = refusal([
      { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'c', content: [{ type: 'image', source: { kind: 'url', url: 'http://x/y.png' } }], isError: false }] },
    ]);
    expect(error.param).toBe('messages[0].content[0].content[0]');
  });

  it('sends assistant thinking as `thinking`, drops redacted thinking with a warning', () => {
    const { messages, warnings } = encode([
      { role: 'user', parts: [{ type: 'text', text: 'Is 1001 prime?' }] },
      {
        role: 'assistant',
        parts: [
          { type: 'thinking', text: '1001 = 7 × 143', signature: 'sig' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'text', text: 'No.' },
        ],
      },
    ]);
    expect(messages[1]).toEqual({ role: 'assistant', content: 'No.', thinking: '1001 = 7 × 143' });
    expect(warnings).toEqual(['messages[1].content[1]: redacted thinking cannot be sent to ollama, dropped']);
  });

  it('keeps an empty user turn as an empty message', () => {
    expect(encode([{ role: 'user', parts: [] }]).messages).toEqual([{ role: 'user', content: '' }]);
  });

  it('refuses parts in the wrong role with a 400 naming the part', () => {
    expect(refusal([{ role: 'user', parts: [{ type: 'tool_call', id: 'c', name: 'n', arguments: {} }] }]).param).toBe('messages[0].content[0]');
    expect(refusal([{ role: 'assistant', parts: [{ type: 'tool_result', toolCallId: 'c', content: [], isError: false }] }]).param).toBe('messages[0].content[0]');
    expect(refusal([{ role: 'user', parts: [{ type: 'text', text: 'a' }, { type: 'thinking', text: 't' }] }]).param).toBe('messages[0].content[1]');
  });
});
