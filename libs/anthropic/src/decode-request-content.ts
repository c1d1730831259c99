import type { IrImagePart, IrPart, IrTextPart } from '@llm-router/core';
import { decodeDocumentSource, decodeImageSource } from './decode-media-source.js';
import { invalidField, readList, readOptionalBoolean, readOptionalString, readRecord, readString, isRecord } from './read-request-field.js';
import type { ToolLoading } from './tool-loading.js';

/** How a `tool_reference` (a tool search result) reads as text to a model of another family. */
export function toolLoadedText(name: string): string {
  return `Tool loaded: ${name}`;
}

/**
 * The content of one user or assistant message as IR parts (docs/protocols.md §3.3).
 *
 * - user: text, image, document, tool_result; assistant: text, tool_use, thinking, redacted_thinking.
 *   A block in the wrong role is refused, as Anthropic itself would.
 * - Server-tool blocks (`server_tool_use`, `web_search_tool_result`, …), `search_result`,
 *   `container_upload` and unknown types are Anthropic-only: 400 naming `<path>[j].type`.
 * - `cache_control` and `citations` are dropped silently: hints that mean nothing elsewhere.
 * - thinking keeps its signature (Anthropic-issued); an empty signature is no signature.
 * - `toolNames` maps tool_use ids seen so far to their names: tool_use blocks add to it, and
 *   tool_result parts take their `toolName` from it.
 * - a `tool_reference` inside a tool_result (Claude Code's answer to a tool search) becomes the text
 *   `Tool loaded: <name>` and marks the tool loaded in `loading`; it must name a declared tool (400
 *   otherwise). A tool_use of a deferred tool marks it loaded too.
 */
export function decodeRequestContent(
  content: unknown,
  role: 'user' | 'assistant',
  path: string,
  toolNames: Map<string, string>,
  loading: ToolLoading,
): IrPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return readList(content, path).map((item, j) => decodeBlock(item, role, `${path}[${j}]`, toolNames, loading));
}

function decodeBlock(item: unknown, role: 'user' | 'assistant', path: string, toolNames: Map<string, string>, loading: ToolLoading): IrPart {
  const block = readRecord(item, path);
  const type = block['type'];
  if (typeof type !== 'string') throw invalidField(`${path}.type`, 'Field required');
  switch (type) {
    case 'text':
      return { type: 'text', text: readString(block['text'], `${path}.text`) };
    case 'image':
      requireRole(role, 'user', type, path);
      return { type: 'image', source: decodeImageSource(block['source'], `${path}.source`) };
    case 'document': {
      requireRole(role, 'user', type, path);
      const title = readOptionalString(block['title'], `${path}.title`);
      const source = decodeDocumentSource(block['source'], `${path}.source`);
      return title === undefined ? { type: 'document', source } : { type: 'document', source, title };
    }
    case 'tool_result': {
      requireRole(role, 'user', type, path);
      const toolCallId = readString(block['tool_use_id'], `${path}.tool_use_id`);
      const toolName = toolNames.get(toolCallId);
      const part = {
        type: 'tool_result' as const,
        toolCallId,
        content: decodeToolResultContent(block['content'], `${path}.content`, loading),
        isError: readOptionalBoolean(block['is_error'], `${path}.is_error`) ?? false,
      };
      return toolName === undefined ? part : { ...part, toolName };
    }
    case 'tool_use': {
      requireRole(role, 'assistant', type, path);
      const id = readString(block['id'], `${path}.id`);
      const name = readString(block['name'], `${path}.name`);
      const input = block['input'];
      if (!isRecord(input)) throw invalidField(`${path}.input`, 'Input should be a valid dictionary');
      toolNames.set(id, name);
      if (loading.deferred.has(name)) loading.loaded.add(name);
      return { type: 'tool_call', id, name, arguments: input };
    }
    case 'thinking': {
      requireRole(role, 'assistant', type, path);
      const text = readString(block['thinking'], `${path}.thinking`);
      const signature = readOptionalString(block['signature'], `${path}.signature`);
      return signature === undefined || signature === '' ? { type: 'thinking', text } : { type: 'thinking', text, signature };
    }
    case 'redacted_thinking':
      requireRole(role, 'assistant', type, path);
      return { type: 'redacted_thinking', data: readString(block['data'], `${path}.data`) };
    default:
      throw invalidField(`${path}.type`, `'${type}' blocks are Anthropic-only and cannot be translated for this upstream`);
  }
}

/**
 * `tool_result.content`: absent, a string, or text, image and tool_reference blocks (documents and search
 * results are refused).
 */
function decodeToolResultContent(value: unknown, path: string, loading: ToolLoading): Array<IrTextPart | IrImagePart> {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [{ type: 'text', text: value }];
  return readList(value, path).map((item, k): IrTextPart | IrImagePart => {
    const here = `${path}[${k}]`;
    const block = readRecord(item, here);
    switch (block['type']) {
      case 'text':
        return { type: 'text', text: readString(block['text'], `${here}.text`) };
      case 'image':
        return { type: 'image', source: decodeImageSource(block['source'], `${here}.source`) };
      case 'tool_reference': {
        const name = readString(block['tool_name'], `${here}.tool_name`);
        if (!loading.declared.has(name)) throw invalidField(`${here}.tool_name`, `references the tool '${name}', which is not in tools`);
        if (loading.deferred.has(name)) loading.loaded.add(name);
        return { type: 'text', text: toolLoadedText(name) };
      }
      default:
        throw invalidField(
          `${here}.type`,
          typeof block['type'] === 'string'
            ? `'${block['type']}' blocks inside tool_result cannot be translated for this upstream (only text, image and tool_reference)`
            : 'Field required',
        );
    }
  });
}

function requireRole(role: 'user' | 'assistant', expected: 'user' | 'assistant', type: string, path: string): void {
  if (role !== expected) throw invalidField(`${path}.type`, `'${type}' blocks can only appear in ${expected} messages`);
}
