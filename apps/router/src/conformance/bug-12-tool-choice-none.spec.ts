import { describe, expect, it } from '@jest/globals';
import { pair } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { clientRequest } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// §6 #12 (BerriAI/litellm #24443): Anthropic's tool_choice {type:"none"} caused a 500. It is "none" with
// the tools kept for OpenAI (the history may hold tool calls), and no tools at all for Ollama.

describe('§6 #12: tool_choice none', () => {
  const body = { ...clientRequest('anthropic-messages', 'tools-followup'), tool_choice: { type: 'none' } };

  it('-> openai: "none", tools kept', () => {
    const { encoded } = translateRequest(pair('anthropic-messages', 'openai'), body);
    expect(upstreamProblem('openai', encoded)).toBeUndefined();
    expect(encoded.body['tool_choice']).toBe('none');
    expect(encoded.body['tools']).toHaveLength(1);
  });

  it('-> ollama: tools left out, the tool history still sent', () => {
    const { encoded } = translateRequest(pair('anthropic-messages', 'ollama'), body);
    expect(upstreamProblem('ollama', encoded)).toBeUndefined();
    expect(encoded.body).not.toHaveProperty('tools');
    expect((encoded.body['messages'] as Array<{ role: string }>).filter((message) => message.role === 'tool')).toHaveLength(2);
  });
});
