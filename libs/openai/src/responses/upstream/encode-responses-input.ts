import type { IrDocumentPart, IrImagePart, IrMessage, IrPart, IrTextPart, IrToolResultPart } from '@llm-router/core';
import { unreachable } from '../../unreachable.js';
import type { ResponsesInputContent, ResponsesInputItem } from './responses-request-body.js';

/** Text parts joined into one string (instructions, a text-only tool result) with a blank line between. */
export const TEXT_SEPARATOR = '\n\n';

/**
 * The IR turns as Responses `input` items (protocols.md §8.1):
 * - a user turn: one `function_call_output` per tool result first (in order, `call_id` = the IR tool
 *   call id; output a string when the result is text only, else `input_text`/`input_image` parts; a
 *   failed call's text prefixed `Error: ` as in chat), then one `message` with the rest as
 *   `input_text`, `input_image` (base64 as a data URL) and `input_file` parts;
 * - an assistant turn: its text as one `message` of `output_text` parts, then one `function_call`
 *   item per tool call (`arguments` the JSON text). Thinking is dropped: the router is stateless
 *   (`store: false`) and an IR signature is never OpenAI's `encrypted_content`.
 * Turns with nothing to send are left out.
 */
export function encodeResponsesInput(turns: readonly IrMessage[]): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  for (const turn of turns) {
    if (turn.role === 'user') items.push(...encodeUserTurn(turn.parts));
    else items.push(...encodeAssistantTurn(turn.parts));
  }
  return items;
}

function encodeUserTurn(parts: readonly IrPart[]): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  const content: ResponsesInputContent[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'tool_result':
        items.push({ type: 'function_call_output', call_id: part.toolCallId, output: encodeToolOutput(part) });
        break;
      case 'text':
        if (part.text !== '') content.push({ type: 'input_text', text: part.text });
        break;
      case 'image':
        content.push(encodeImage(part));
        break;
      case 'document':
        content.push(encodeDocument(part));
        break;
      case 'tool_call':
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        unreachable(part, undefined);
    }
  }
  if (content.length > 0) items.push({ type: 'message', role: 'user', content });
  return items;
}

function encodeToolOutput(result: IrToolResultPart): string | ResponsesInputContent[] {
  const prefix = result.isError ? 'Error: ' : '';
  if (result.content.every((part): part is IrTextPart => part.type === 'text')) {
    return `${prefix}${result.content.map((part) => part.text).filter((text) => text !== '').join(TEXT_SEPARATOR)}`;
  }
  const parts: ResponsesInputContent[] = result.content.map((part) => (part.type === 'text' ? { type: 'input_text', text: part.text } : encodeImage(part)));
  if (prefix !== '') parts.unshift({ type: 'input_text', text: prefix.trim() });
  return parts;
}

function encodeAssistantTurn(parts: readonly IrPart[]): ResponsesInputItem[] {
  const texts: ResponsesInputContent[] = [];
  const calls: ResponsesInputItem[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        if (part.text !== '') texts.push({ type: 'output_text', text: part.text });
        break;
      case 'tool_call':
        calls.push({ type: 'function_call', call_id: part.id, name: part.name, arguments: JSON.stringify(part.arguments) });
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
  return texts.length === 0 ? calls : [{ type: 'message', role: 'assistant', content: texts }, ...calls];
}

function encodeImage(part: IrImagePart): ResponsesInputContent {
  const { source } = part;
  const url = source.kind === 'url' ? source.url : `data:${source.mediaType};base64,${source.data}`;
  return { type: 'input_image', image_url: url, detail: 'auto' };
}

/** PDFs as `input_file` (`filename` required with `file_data`), by URL as `file_url`, plain text as text. */
function encodeDocument(part: IrDocumentPart): ResponsesInputContent {
  const { source } = part;
  switch (source.kind) {
    case 'base64':
      return { type: 'input_file', file_data: `data:${source.mediaType};base64,${source.data}`, filename: part.title ?? 'document.pdf' };
    case 'url':
      return { type: 'input_file', file_url: source.url };
    case 'text':
      return { type: 'input_text', text: part.title === undefined ? source.text : `${part.title}${TEXT_SEPARATOR}${source.text}` };
    default:
      return unreachable(source, { type: 'input_text', text: '' });
  }
}
