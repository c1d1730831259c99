import { describe, expect, it } from '@jest/globals';
import { pair } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import type { JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// §6 #16 (BerriAI/litellm PR #37351): Claude Code 2.1+ sends `role:"system"` messages in the middle of
// the conversation (an SDK 1.x shape); strict chat templates (vLLM/Qwen) 400 on any system message that
// is not first. Translated, the upstream gets exactly one system message, first; a later one is user text.

const REMINDER = 'From now on, answer in French.';

function claudeCodeHistory(): JsonBody {
  return {
    model: 'claude-haiku-4-5',
    max_tokens: 256,
    system: 'You are a concise assistant.',
    messages: [
      { role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' },
      { role: 'assistant', content: 'Octopuses have three hearts.' },
      { role: 'system', content: REMINDER },
      { role: 'user', content: 'Another one, please.' },
    ],
  };
}

const systemMessages = (body: JsonBody) => (body['messages'] as JsonBody[]).flatMap((message, i) => (message['role'] === 'system' ? [i] : []));

describe('§6 #16: a system message in the middle of an Anthropic client’s conversation', () => {
  it.each(['openai', 'ollama'] as const)('-> %s: exactly one system message, first; the later one became user text', (upstream) => {
    const { encoded } = translateRequest(pair('anthropic-messages', upstream), claudeCodeHistory());
    expect(upstreamProblem(upstream, encoded)).toBeUndefined();
    const messages = encoded.body['messages'] as JsonBody[];
    expect(systemMessages(encoded.body)).toEqual([0]);
    expect(messages[0]?.['content']).toBe('You are a concise assistant.');
    // Merged into the next user turn (no two user turns in a row), the reminder first.
    expect(messages.map((message) => message['role'])).toEqual(['system', 'user', 'assistant', 'user']);
    expect(String(messages[3]?.['content'])).toMatch(new RegExp(`^<system-reminder>\\s*${REMINDER}\\s*</system-reminder>\\s+Another one, please\\.$`));
  });

  it('-> openai: a system message before any assistant turn is hoisted into the one leading system message', () => {
    const body = { ...claudeCodeHistory(), messages: [{ role: 'system', content: REMINDER }, { role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' }] };
    const { encoded } = translateRequest(pair('anthropic-messages', 'openai'), body);
    expect(encoded.body['messages']).toEqual([
      { role: 'system', content: `You are a concise assistant.\n\n${REMINDER}` },
      { role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' },
    ]);
  });

  it('openai-chat -> anthropic: a late system message of an OpenAI client becomes user text too (Anthropic has no system role)', () => {
    const body = {
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'You are a concise assistant.' },
        { role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' },
        { role: 'assistant', content: 'Octopuses have three hearts.' },
        { role: 'developer', content: REMINDER },
        { role: 'user', content: 'Another one, please.' },
      ],
    };
    const { encoded } = translateRequest(pair('openai-chat', 'anthropic'), body);
    expect(upstreamProblem('anthropic', encoded)).toBeUndefined();
    expect(encoded.body['system']).toBe('You are a concise assistant.');
    const last = (encoded.body['messages'] as Array<{ role: string; content: Array<{ text: string }> }>).at(-1);
    expect(last?.role).toBe('user');
    expect(last?.content.map((block) => block.text).join('\n\n')).toMatch(new RegExp(`<system-reminder>\\s*${REMINDER}\\s*</system-reminder>[\\s\\S]*Another one, please\\.$`));
  });
});
