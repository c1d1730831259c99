import {
  type IrMessage,
  type IrRequest,
  type IrToolResultPart,
  RouterError,
  type TranslationContext,
} from '@llm-router/core';
import type { OllamaMessage, OllamaToolCall } from '../wire/ollama-wire-types.js';
import { imageData } from './image-data.js';
import { joinTexts } from './join-texts.js';

/** What one IR message holds, sorted by where Ollama wants it. */
interface MessageContent {
  texts: string[];
  images: string[];
  thinking: string[];
  toolCalls: OllamaToolCall[];
  toolResults: OllamaMessage[];
}

/**
 * The IR conversation as Ollama chat messages (§5.1, §5.2, §5.4):
 * - the system parts become one leading `{role:'system'}` message;
 * - content is a string (text parts joined with a blank line) and base64 images go to the message's
 *   `images` (Ollama loses where each image sat relative to the text);
 * - each tool result becomes its own `{role:'tool', content, tool_name, tool_call_id}` message, placed
 *   before the rest of its user message; `isError` prefixes the content with `Error: `;
 * - assistant thinking goes to `thinking`, tool calls to `tool_calls` with object arguments (§6 #4).
 *
 * Refused with a 400 naming `messages[i].content[j]` (i and j index the IR's messages and parts):
 * image URLs, documents, tool calls outside assistant turns, tool results and thinking outside user and
 * assistant turns respectively. Redacted thinking is dropped with a warning.
 */
export function encodeMessages(request: IrRequest, context: TranslationContext): OllamaMessage[] {
  const messages: OllamaMessage[] = [];
  const system = joinTexts(request.system.map((part) => part.text));
  if (system !== '') messages.push({ role: 'system', content: system });
  // Tool results may lack the tool's name; Ollama wants it, so it is looked up among earlier calls.
  const toolNames = new Map<string, string>();
  request.messages.forEach((message, i) => {
    const content = readContent(message, i, toolNames, context);
    switch (message.role) {
      case 'user': {
        messages.push(...content.toolResults);
        const text = joinTexts(content.texts);
        if (text !== '' || content.images.length > 0 || content.toolResults.length === 0) {
          messages.push(withImages({ role: 'user', content: text }, content.images));
        }
        break;
      }
      case 'assistant': {
        const assistant: OllamaMessage = { role: 'assistant', content: joinTexts(content.texts) };
        const thinking = joinTexts(content.thinking);
        if (thinking !== '') assistant.thinking = thinking;
        if (content.toolCalls.length > 0) assistant.tool_calls = content.toolCalls;
        messages.push(withImages(assistant, content.images));
        for (const call of content.toolCalls) toolNames.set(call.id, call.function.name);
        break;
      }
      default: {
        const role: never = message.role;
        throw RouterError.invalidRequest(`messages[${i}].role: unsupported role ${JSON.stringify(role)}`, `messages[${i}].role`);
      }
    }
  });
  return messages;
}

function readContent(message: IrMessage, i: number, toolNames: ReadonlyMap<string, string>, context: TranslationContext): MessageContent {
  const content: MessageContent = { texts: [], images: [], thinking: [], toolCalls: [], toolResults: [] };
  message.parts.forEach((part, j) => {
    const path = `messages[${i}].content[${j}]`;
    switch (part.type) {
      case 'text':
        content.texts.push(part.text);
        break;
      case 'image':
        content.images.push(imageData(part.source, path));
        break;
      case 'document':
        throw RouterError.invalidRequest(`${path}: Ollama does not accept documents (PDF or text files); send the text instead`, path);
      case 'tool_call':
        if (message.role !== 'assistant') throw misplaced(path, 'tool_call', 'assistant');
        content.toolCalls.push({ id: part.id, function: { name: part.name, arguments: part.arguments } });
        break;
      case 'tool_result':
        if (message.role !== 'user') throw misplaced(path, 'tool_result', 'user');
        content.toolResults.push(encodeToolResult(part, path, toolNames));
        break;
      case 'thinking':
        if (message.role !== 'assistant') throw misplaced(path, 'thinking', 'assistant');
        content.thinking.push(part.text);
        break;
      case 'redacted_thinking':
        context.warnings.push(`${path}: redacted thinking cannot be sent to ollama, dropped`);
        break;
      default: {
        const unknown: never = part;
        throw RouterError.invalidRequest(`${path}: unsupported content part ${JSON.stringify(unknown)}`, path);
      }
    }
  });
  return content;
}

function encodeToolResult(part: IrToolResultPart, path: string, toolNames: ReadonlyMap<string, string>): OllamaMessage {
  const texts: string[] = [];
  const images: string[] = [];
  part.content.forEach((inner, k) => {
    switch (inner.type) {
      case 'text':
        texts.push(inner.text);
        break;
      case 'image':
        images.push(imageData(inner.source, `${path}.content[${k}]`));
        break;
      default: {
        const unknown: never = inner;
        throw RouterError.invalidRequest(`${path}.content[${k}]: unsupported tool result part ${JSON.stringify(unknown)}`, `${path}.content[${k}]`);
      }
    }
  });
  const text = joinTexts(texts);
  const message: OllamaMessage = { role: 'tool', content: part.isError ? `Error: ${text}` : text };
  const name = part.toolName ?? toolNames.get(part.toolCallId);
  if (name !== undefined) message.tool_name = name;
  message.tool_call_id = part.toolCallId;
  return withImages(message, images);
}

function withImages(message: OllamaMessage, images: string[]): OllamaMessage {
  return images.length > 0 ? { ...message, images } : message;
}

function misplaced(path: string, type: string, role: string): RouterError {
  return RouterError.invalidRequest(`${path}: ${type} parts are only allowed in ${role} messages`, path);
}
