import type { IrPart } from '@llm-router/core';
import type { AnthropicResponseBlock } from './anthropic-wire-types.js';

/**
 * The response content block for one IR part, or undefined when Anthropic's response has no place
 * for it:
 * - empty text (Anthropic rejects empty text blocks when the client replays the turn);
 * - thinking without a signature (only Anthropic issues signatures, and an unsigned thinking block
 *   would make Anthropic 400 when the client replays it; the router never invents one);
 * - images, documents and tool results, which only exist in requests.
 */
export function encodeContentBlock(part: IrPart): AnthropicResponseBlock | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { type: 'text', text: part.text };
    case 'tool_call':
      return { type: 'tool_use', id: part.id, name: part.name, input: part.arguments };
    case 'thinking':
      return part.signature === undefined || part.signature === ''
        ? undefined
        : { type: 'thinking', thinking: part.text, signature: part.signature };
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
