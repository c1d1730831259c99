import { describe, expect, it } from '@jest/globals';
import { clientTextHasContent } from './client-content.js';

const chat = (delta: unknown) => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`;

describe('clientTextHasContent', () => {
  it('OpenAI chat: the role chunk and an empty delta are no content; text, reasoning and tool calls are', () => {
    expect(clientTextHasContent('openai-chat', chat({ role: 'assistant', content: '' }))).toBe(false);
    expect(clientTextHasContent('openai-chat', `${chat({})}data: [DONE]\n\n`)).toBe(false);
    expect(clientTextHasContent('openai-chat', chat({ content: 'Hi' }))).toBe(true);
    expect(clientTextHasContent('openai-chat', chat({ reasoning_content: 'hm' }))).toBe(true);
    expect(clientTextHasContent('openai-chat', chat({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '' } }] }))).toBe(true);
  });

  it('Anthropic: message_start, a text block start and pings are no content; deltas and a tool_use start are', () => {
    const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const opening = frame('message_start', { type: 'message_start' }) + frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) + frame('ping', { type: 'ping' });
    expect(clientTextHasContent('anthropic-messages', opening)).toBe(false);
    expect(clientTextHasContent('anthropic-messages', opening + frame('content_block_delta', { type: 'content_block_delta', delta: { type: 'text_delta', text: 'x' } }))).toBe(true);
    expect(clientTextHasContent('anthropic-messages', frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'f', input: {} } }))).toBe(true);
  });

  it('OpenAI completions: text is content', () => {
    expect(clientTextHasContent('openai-completions', `data: ${JSON.stringify({ choices: [{ text: '' }] })}\n\n`)).toBe(false);
    expect(clientTextHasContent('openai-completions', `data: ${JSON.stringify({ choices: [{ text: 'a' }] })}\n\n`)).toBe(true);
  });
});
