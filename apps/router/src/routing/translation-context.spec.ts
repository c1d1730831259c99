import { describe, expect, it } from '@jest/globals';
import type { IrRequest } from '@llm-router/core';
import type { Route } from './route.js';
import { createTranslationContext, estimateInputTokens } from './translation-context.js';

const text = (chars: number): string => 'word '.repeat(Math.ceil(chars / 5)).slice(0, chars);

describe('estimateInputTokens: the prompt text, about 4 characters a token', () => {
  it('counts a 68-character prompt as 17 tokens, not the JSON bytes of the request', () => {
    const prompt = text(68);
    const ir: IrRequest = { model: 'm', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: prompt }] }], stream: true, maxTokens: 1024 };
    const body = JSON.stringify({ model: 'claude-via-router', max_tokens: 1024, stream: true, messages: [{ role: 'user', content: prompt }] });
    expect(estimateInputTokens(ir)).toBe(17);
    // The old figure: the request bytes / 4.
    expect(createTranslationContext(route(), body.length).estimatedInputTokens).toBeGreaterThan(30);
  });

  it('adds system, thinking, tool calls, tool results and tool definitions as text; media at a flat 1600', () => {
    const ir: IrRequest = {
      model: 'm',
      system: [{ type: 'text', text: text(400) }],
      messages: [
        { role: 'user', parts: [{ type: 'text', text: text(40) }, { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] },
        { role: 'assistant', parts: [{ type: 'thinking', text: text(80) }, { type: 'tool_call', id: 'c1', name: 'get', arguments: { q: text(20) } }] },
        { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'c1', content: [{ type: 'text', text: text(120) }], isError: false }] },
      ],
      tools: [{ name: 'get', description: text(100), parameters: { type: 'object' } }],
      stream: false,
    };
    const chars = 400 + 40 + 80 + 'get'.length + JSON.stringify({ q: text(20) }).length + 120 + 'get'.length + 100 + JSON.stringify({ type: 'object' }).length;
    expect(estimateInputTokens(ir)).toBe(Math.ceil(chars / 4) + 1600);
  });

  it('is at least 1', () => {
    expect(estimateInputTokens({ model: 'm', system: [], messages: [], stream: false })).toBe(1);
  });
});

function route(): Route {
  return { model: { actualModelName: 'upstream' } } as unknown as Route;
}
