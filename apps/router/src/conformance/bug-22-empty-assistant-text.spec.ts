import { describe, expect, it } from '@jest/globals';
import { pair } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { clientRequest, type JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// §6 #22: `content:""` on a tool-only OpenAI assistant turn became an empty Anthropic text block (400
// "text content blocks must be non-empty"). Only the tool_use blocks are sent.

describe('§6 #22: an empty assistant text beside tool calls', () => {
  it('openai-chat -> anthropic: only tool_use blocks', () => {
    const body = clientRequest('openai-chat', 'tools-followup');
    const messages = body['messages'] as JsonBody[];
    const withEmptyText = { ...body, messages: messages.map((message) => (message['role'] === 'assistant' ? { ...message, content: '' } : message)) };
    const { encoded } = translateRequest(pair('openai-chat', 'anthropic'), withEmptyText);
    expect(upstreamProblem('anthropic', encoded)).toBeUndefined();
    const assistant = (encoded.body['messages'] as Array<{ role: string; content: Array<{ type: string }> }>).find((message) => message.role === 'assistant');
    expect(assistant?.content.map((block) => block.type)).toEqual(['tool_use', 'tool_use']);
  });
});
