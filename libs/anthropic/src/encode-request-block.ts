import type { IrPart, IrToolResultPart } from '@llm-router/core';
import type { AnthropicRequestBlock, AnthropicToolResultBlock } from './anthropic-request-types.js';
import { encodeDocumentSource, encodeImageSource } from './encode-media-source.js';
import { invalidField } from './read-request-field.js';

/**
 * One IR part of a `role` turn as an Anthropic request block, or undefined when it must not be sent
 * (docs/protocols.md §3.3, §5.2, §5.4):
 * - empty or whitespace-only text is never sent (Anthropic 400s on both, §6 #22);
 * - thinking without a signature is dropped: only Anthropic issues signatures and the router never
 *   invents one (§6 #15); redacted thinking is passed as is;
 * - tool ids go through `toolId`, the request's one id mapping (§6 #11);
 * - parts Anthropic refuses in that role (a tool call in a user turn, an image or tool result in an
 *   assistant turn) are a 400 naming `path`.
 */
export function encodeRequestBlock(
  part: IrPart,
  role: 'user' | 'assistant',
  path: string,
  toolId: (id: string) => string,
): AnthropicRequestBlock | undefined {
  switch (part.type) {
    case 'text':
      return isBlank(part.text) ? undefined : { type: 'text', text: part.text };
    case 'image':
      requireRole(role, 'user', part.type, path);
      return { type: 'image', source: encodeImageSource(part.source, path) };
    case 'document': {
      requireRole(role, 'user', part.type, path);
      const source = encodeDocumentSource(part.source, path);
      return part.title === undefined ? { type: 'document', source } : { type: 'document', source, title: part.title };
    }
    case 'tool_result':
      requireRole(role, 'user', part.type, path);
      return encodeToolResult(part, path, toolId);
    case 'tool_call':
      requireRole(role, 'assistant', part.type, path);
      return { type: 'tool_use', id: toolId(part.id), name: part.name, input: part.arguments };
    case 'thinking':
      requireRole(role, 'assistant', part.type, path);
      return part.signature === undefined || part.signature === ''
        ? undefined
        : { type: 'thinking', thinking: part.text, signature: part.signature };
    case 'redacted_thinking':
      requireRole(role, 'assistant', part.type, path);
      return { type: 'redacted_thinking', data: part.data };
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

/** A tool result: blank text dropped, `content` left out when nothing remains, `is_error` only when true. */
function encodeToolResult(part: IrToolResultPart, path: string, toolId: (id: string) => string): AnthropicToolResultBlock {
  const content: NonNullable<AnthropicToolResultBlock['content']> = [];
  part.content.forEach((item, k) => {
    if (item.type === 'text') {
      if (!isBlank(item.text)) content.push({ type: 'text', text: item.text });
    } else {
      content.push({ type: 'image', source: encodeImageSource(item.source, `${path}.content[${k}]`) });
    }
  });
  return {
    type: 'tool_result',
    tool_use_id: toolId(part.toolCallId),
    ...(content.length === 0 ? {} : { content }),
    ...(part.isError ? { is_error: true as const } : {}),
  };
}

function requireRole(role: 'user' | 'assistant', expected: 'user' | 'assistant', type: string, path: string): void {
  if (role !== expected) throw invalidField(path, `${type} parts cannot be sent to anthropic in ${role} messages`);
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
