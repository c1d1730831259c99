import type { IrPart, TranslationContext } from '@llm-router/core';
import { headerSafe } from '../../header-safe.js';
import { isRecord } from '../../is-record.js';
import { parseUpstreamArguments } from '../../upstream/parse-upstream-arguments.js';

/** Summary parts of one reasoning item are joined with a blank line into one thinking part. */
const SUMMARY_SEPARATOR = '\n\n';

/**
 * A response's `output` items as IR parts, in order (§8.2):
 * - `reasoning`: its summary texts (or, from open-weight servers, its `content` reasoning texts) as one
 *   thinking part without a signature (OpenAI's `encrypted_content` is not an IR signature); an empty
 *   summary gives nothing;
 * - `message`: each `output_text` (and `refusal`) part as a text part;
 * - `function_call`: a tool call with `call_id` as its id (what the next turn's output refers to) and the
 *   `arguments` parsed (see `parseUpstreamArguments`);
 * - `custom_tool_call`: a tool call whose arguments are `{input}` (the freeform text);
 * - any other item (hosted tool calls the router never asks for): left out, with a warning.
 */
export function decodeResponsesOutput(output: readonly unknown[], context: TranslationContext): IrPart[] {
  const parts: IrPart[] = [];
  output.forEach((item, k) => {
    if (!isRecord(item)) return;
    switch (item['type']) {
      case 'reasoning': {
        const text = reasoningText(item);
        if (text !== '') parts.push({ type: 'thinking', text });
        return;
      }
      case 'message':
        for (const part of Array.isArray(item['content']) ? item['content'] : []) {
          if (!isRecord(part)) continue;
          const text = part['type'] === 'refusal' ? part['refusal'] : part['type'] === 'output_text' ? part['text'] : undefined;
          if (typeof text === 'string' && text !== '') parts.push({ type: 'text', text });
        }
        return;
      case 'function_call':
        parts.push({
          type: 'tool_call',
          id: text(item['call_id']) ?? text(item['id']) ?? `call_${context.newId()}`,
          name: text(item['name']) ?? '',
          arguments: parseUpstreamArguments(typeof item['arguments'] === 'string' ? item['arguments'] : '', context.warnings, `output[${k}]`),
        });
        return;
      case 'custom_tool_call':
        parts.push({
          type: 'tool_call',
          id: text(item['call_id']) ?? text(item['id']) ?? `call_${context.newId()}`,
          name: text(item['name']) ?? '',
          arguments: { input: typeof item['input'] === 'string' ? item['input'] : '' },
        });
        return;
      default:
        context.warnings.push(`output[${k}]: upstream item of type ${headerSafe(String(item['type']))} has no translation, dropped`);
    }
  });
  return parts;
}

/** The readable reasoning of a reasoning item: its summary texts, else its raw reasoning texts. */
export function reasoningText(item: Record<string, unknown>): string {
  for (const key of ['summary', 'content']) {
    const list = item[key];
    if (!Array.isArray(list)) continue;
    const texts = list.flatMap((part: unknown) => (isRecord(part) && typeof part['text'] === 'string' && part['text'] !== '' ? [part['text']] : []));
    if (texts.length > 0) return texts.join(SUMMARY_SEPARATOR);
  }
  return '';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
