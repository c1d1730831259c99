import type { IrDocumentPart, IrImagePart, IrMessage, IrPart, IrTextPart, IrToolResultPart } from '@llm-router/core';
import { headerSafe } from '../header-safe.js';
import { unreachable } from '../unreachable.js';
import type { ChatToolCall } from '../wire/chat-completion.js';
import type { ChatRequestContentPart, ChatRequestMessage } from '../wire/chat-request.js';
import { encodeUserPart } from './encode-user-parts.js';

/** Text parts of one turn are joined with a blank line wherever the chat format wants one string. */
const TEXT_SEPARATOR = '\n\n';

/**
 * The IR system prompt and turns as chat `messages` (§5.1, §5.4):
 * - the system prompt is ONE leading `system` message;
 * - a user turn with tool results splits into one `tool` message per result, in order (an error result
 *   prefixed `Error: `), then a `user` message with the rest; images inside results (a `tool` message
 *   takes text only) move to that user message, with a warning;
 * - a user turn that is only text is sent as a plain string;
 * - an assistant turn is its text (null when none, §5.4) plus `tool_calls` with the arguments as a JSON
 *   string; thinking has no chat form and is dropped;
 * - turns left with nothing to send are left out (the API refuses empty content).
 * Parts that cannot occur in a turn of that role are left out.
 */
export function encodeChatMessages(system: readonly IrTextPart[], turns: readonly IrMessage[], warnings: string[]): ChatRequestMessage[] {
  const messages: ChatRequestMessage[] = [];
  const systemText = joinTexts(system);
  if (systemText !== '') messages.push({ role: 'system', content: systemText });
  turns.forEach((turn, i) => {
    if (turn.role === 'user') messages.push(...encodeUserTurn(turn.parts, i, warnings));
    else {
      const assistant = encodeAssistantTurn(turn.parts);
      if (assistant !== undefined) messages.push(assistant);
    }
  });
  return messages;
}

function encodeUserTurn(parts: readonly IrPart[], i: number, warnings: string[]): ChatRequestMessage[] {
  const toolMessages: ChatRequestMessage[] = [];
  const movedImages: IrImagePart[] = [];
  const rest: Array<IrTextPart | IrImagePart | IrDocumentPart> = [];
  for (const part of parts) {
    switch (part.type) {
      case 'tool_result': {
        const { content, images } = encodeToolResult(part);
        toolMessages.push({ role: 'tool', tool_call_id: part.toolCallId, content });
        if (images.length > 0) {
          movedImages.push(...images);
          warnings.push(`messages[${i}]: images in the result of tool call ${headerSafe(part.toolCallId)} sent in a user message after the tool messages`);
        }
        break;
      }
      case 'text':
      case 'image':
      case 'document':
        rest.push(part);
        break;
      case 'tool_call':
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        unreachable(part, undefined);
    }
  }
  const userParts = [...movedImages, ...rest];
  if (userParts.length === 0) return toolMessages;
  if (userParts.every((part): part is IrTextPart => part.type === 'text')) {
    const text = joinTexts(userParts);
    return text === '' ? toolMessages : [...toolMessages, { role: 'user', content: text }];
  }
  const content: ChatRequestContentPart[] = userParts.map((part, j) => encodeUserPart(part, `messages[${i}].content[${j}]`));
  return [...toolMessages, { role: 'user', content }];
}

/** A tool message takes text only: the result's texts joined (`Error: ` first for a failed call), images apart. */
function encodeToolResult(result: IrToolResultPart): { content: string; images: IrImagePart[] } {
  const texts: IrTextPart[] = [];
  const images: IrImagePart[] = [];
  for (const part of result.content) {
    if (part.type === 'text') texts.push(part);
    else images.push(part);
  }
  const text = joinTexts(texts);
  return { content: result.isError ? `Error: ${text}` : text, images };
}

function encodeAssistantTurn(parts: readonly IrPart[]): ChatRequestMessage | undefined {
  const texts: IrTextPart[] = [];
  const toolCalls: ChatToolCall[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        texts.push(part);
        break;
      case 'tool_call':
        toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: JSON.stringify(part.arguments) } });
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
  const text = joinTexts(texts);
  if (text === '' && toolCalls.length === 0) return undefined;
  const content = text === '' ? null : text;
  return toolCalls.length === 0 ? { role: 'assistant', content } : { role: 'assistant', content, tool_calls: toolCalls };
}

function joinTexts(parts: readonly IrTextPart[]): string {
  return parts
    .map((part) => part.text)
    .filter((text) => text !== '')
    .join(TEXT_SEPARATOR);
}
