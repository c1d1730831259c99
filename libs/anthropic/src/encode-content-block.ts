import type { IrPart } from '@llm-router/core';
import type { AnthropicResponseBlock } from './anthropic-wire-types.js';

/**
 * The response content block for one IR part, or undefined when Anthropic's response has no place
 * for it:
 * - empty text (Anthropic rejects empty text blocks when the client replays the turn);
 * - images, documents and tool results, which only exist in requests.
 */
/*
 * Reasoning from other vendors (Ollama `thinking`, OpenAI-compatible `reasoning_content`) has no
 * signature: it is shown as a thinking block with `signature: ""`, as the stream encoder shows it, and
 * never given an invented one. The request encoder drops such blocks when a client replays them to
 * Anthropic (§6 #15).
 */
export function encodeContentBlock(part: IrPart): AnthropicResponseBlock | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { type: 'text', text: part.text };
    case 'tool_call':
      return { type: 'tool_use', id: part.id, name: part.name, input: part.arguments };
    case 'thinking':
      return { type: 'thinking', thinking: part.text, signature: part.signature ?? '' };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: part.data };
    case 'image':
    case 'document':
    case 'tool_result':
      return undefined;
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}
