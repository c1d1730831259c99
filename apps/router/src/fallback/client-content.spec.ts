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

  it('OpenAI Responses: created, in_progress, a message item opening and an empty delta are no content; text, tool and reasoning deltas and a function call opening are', () => {
    let sequence = 0;
    const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`;
    const opening =
      event('response.created', { response: { id: 'resp_1', status: 'in_progress', output: [] } }) +
      event('response.in_progress', { response: { id: 'resp_1', status: 'in_progress', output: [] } }) +
      event('response.output_item.added', { output_index: 0, item: { id: 'msg_1', type: 'message', role: 'assistant', content: [] } }) +
      event('response.content_part.added', { item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'output_text', text: '' } }) +
      event('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: '' });
    expect(clientTextHasContent('openai-responses', opening)).toBe(false);
    expect(clientTextHasContent('openai-responses', event('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' }))).toBe(true);
    expect(clientTextHasContent('openai-responses', event('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'hm' }))).toBe(true);
    expect(clientTextHasContent('openai-responses', event('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 1, delta: '{"ci' }))).toBe(true);
    expect(clientTextHasContent('openai-responses', event('response.output_item.added', { output_index: 1, item: { id: 'fc_1', type: 'function_call', call_id: 'c', name: 'f', arguments: '' } }))).toBe(true);
  });
});
