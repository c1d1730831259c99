import type { IrPart, IrToolCallPart } from '@llm-router/core';
import { unreachable } from '../unreachable.js';

export interface SplitParts {
  /** The text parts joined with no separator (what a stream of their deltas adds up to); null when none. */
  text: string | null;
  toolCalls: IrToolCallPart[];
}

/**
 * What an OpenAI answer can show of an assistant turn: text and tool calls. Thinking and redacted
 * thinking have no OpenAI shape and are left out; images, documents and tool results do not occur in answers.
 */
export function splitResponseParts(parts: readonly IrPart[]): SplitParts {
  let text: string | null = null;
  const toolCalls: IrToolCallPart[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        text = (text ?? '') + part.text;
        break;
      case 'tool_call':
        toolCalls.push(part);
        break;
      case 'thinking':
      case 'redacted_thinking':
      case 'image':
      case 'document':
      case 'tool_result':
        break;
      default:
        unreachable(part, undefined);
    }
  }
  return { text, toolCalls };
}
