import { type IrImagePart, type IrMessage, type IrPart, type IrTextPart, type IrToolResultPart, RouterError } from '@llm-router/core';
import { decodeToolCallArguments } from '../../decode/decode-tool-call-arguments.js';
import { requiredString } from '../../decode/field-readers.js';
import { TurnAssembler } from '../../decode/turn-assembler.js';
import { invalidType, invalidValue, missingParameter } from '../../inspect/parameter-errors.js';
import { headerSafe } from '../../header-safe.js';
import { isRecord } from '../../is-record.js';
import { decodeResponsesContent } from './decode-responses-content.js';
import { isRouterItemId } from './responses-ids.js';

const ROLES = ['user', 'assistant', 'system', 'developer'] as const;

/** History items of hosted tools and server-side state: meaningful only to OpenAI itself, dropped with a warning. */
const OPENAI_ONLY_ITEMS = new Set([
  'compaction',
  'web_search_call',
  'file_search_call',
  'code_interpreter_call',
  'computer_call',
  'computer_call_output',
  'image_generation_call',
  'local_shell_call',
  'local_shell_call_output',
  'mcp_call',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
]);

const ITEM_TYPES = ['message', 'function_call', 'function_call_output', 'custom_tool_call', 'custom_tool_call_output', 'reasoning'] as const;

export interface DecodedInput {
  system: IrTextPart[];
  messages: IrMessage[];
}

/**
 * `input` (§8.1) as the IR's system prompt and turns. A string is one user message. Items:
 * - messages (`type: "message"`, or a bare `{role, content}`): leading `system`/`developer` ones join the
 *   system prompt (after `instructions`); a later one becomes user text `<system-reminder>…</system-reminder>`,
 *   as chat's late system messages do; user and assistant content by decodeResponsesContent;
 * - `function_call` and `custom_tool_call` items become assistant tool calls (consecutive ones, and the
 *   assistant text before them, form one assistant turn); a custom call's freeform `input` becomes the
 *   arguments `{"input": …}` its wrapped IR tool declares;
 * - `function_call_output` / `custom_tool_call_output` become tool results (consecutive ones share one user
 *   turn), named after the matching call;
 * - `reasoning` items: their summary texts become an unsigned thinking part of the assistant turn;
 *   `encrypted_content` only OpenAI can read: dropped with a warning (as are compaction items and the
 *   history of OpenAI's hosted tools);
 * - `item_reference` points at stored state the router does not keep. One to an item of the router's own
 *   translated answers (the Vercel AI SDK, `store` left on, sends these for its earlier answers' text and
 *   reasoning; their function calls it always sends whole) names something nobody stored: it is dropped with
 *   a warning (the earlier text is missing from the prompt; `store: false` makes the SDK send it whole). Any
 *   other id (one OpenAI stored) is a 400 naming it: send the full input.
 */
export function decodeResponsesInput(input: unknown, warnings: string[]): DecodedInput {
  if (typeof input === 'string') return { system: [], messages: input === '' ? [] : [{ role: 'user', parts: [{ type: 'text', text: input }] }] };
  if (!Array.isArray(input)) throw invalidType('input', 'a string or an array of input items', input);
  const system: IrTextPart[] = [];
  const turns = new TurnAssembler();
  const toolNames = new Map<string, string>();
  let leading = true;
  let droppedEncrypted = false;

  input.forEach((item: unknown, i) => {
    const at = `input[${i}]`;
    if (!isRecord(item)) throw invalidType(at, 'an object', item);
    const type = item['type'] ?? (item['role'] !== undefined ? 'message' : undefined);
    switch (type) {
      case 'message': {
        const role = item['role'];
        if (role === 'system' || role === 'developer') {
          const texts = decodeResponsesContent(item['content'], `${at}.content`, warnings).flatMap((part) => (part.type === 'text' ? [part.text] : []));
          if (leading) {
            system.push(...texts.map((text): IrTextPart => ({ type: 'text', text })));
            return;
          }
          if (texts.length > 0) turns.add('user', [{ type: 'text', text: `<system-reminder>\n${texts.join('\n\n')}\n</system-reminder>` }]);
          break;
        }
        if (role === 'user' || role === 'assistant') {
          turns.add(role, decodeResponsesContent(item['content'], `${at}.content`, warnings));
          break;
        }
        if (role === undefined || role === null) throw missingParameter(`${at}.role`);
        throw invalidValue(`${at}.role`, role, ROLES);
      }
      case 'function_call': {
        const id = requiredString(item['call_id'], `${at}.call_id`);
        const name = requiredString(item['name'], `${at}.name`);
        toolNames.set(id, name);
        turns.add('assistant', [{ type: 'tool_call', id, name, arguments: decodeToolCallArguments(requiredString(item['arguments'], `${at}.arguments`), `${at}.arguments`) }]);
        break;
      }
      case 'custom_tool_call': {
        const id = requiredString(item['call_id'], `${at}.call_id`);
        const name = requiredString(item['name'], `${at}.name`);
        toolNames.set(id, name);
        turns.add('assistant', [{ type: 'tool_call', id, name, arguments: { input: requiredString(item['input'], `${at}.input`) } }]);
        break;
      }
      case 'function_call_output':
      case 'custom_tool_call_output': {
        const toolCallId = requiredString(item['call_id'], `${at}.call_id`);
        const result: IrToolResultPart = { type: 'tool_result', toolCallId, content: decodeToolOutput(item['output'], `${at}.output`, warnings), isError: false };
        const toolName = toolNames.get(toolCallId);
        turns.add('user', [toolName === undefined ? result : { ...result, toolName }]);
        break;
      }
      case 'reasoning': {
        if (typeof item['encrypted_content'] === 'string' && !droppedEncrypted) {
          droppedEncrypted = true;
          warnings.push(`${at}.encrypted_content: only OpenAI can read encrypted reasoning, dropped`);
        }
        const text = reasoningSummary(item['summary'], at);
        if (text !== '') turns.add('assistant', [{ type: 'thinking', text }]);
        break;
      }
      case 'item_reference': {
        // Not resolvable without state. An id the router gave (a translated answer's item) was stored by nobody:
        // drop it rather than refuse the default Vercel AI SDK's tool loops (see the function comment).
        const id = typeof item['id'] === 'string' ? ` '${item['id']}'` : '';
        if (typeof item['id'] === 'string' && isRouterItemId(item['id'])) {
          warnings.push(`${at}: item_reference${headerSafe(id)} names an earlier answer the router did not store, dropped (send the item itself, e.g. providerOptions.openai.store = false)`);
          break;
        }
        throw RouterError.invalidRequest(
          `Unsupported parameter: '${at}': item_reference${id} points at a stored item, and the router keeps no conversation state; send the full input ` +
            '(with the Vercel AI SDK: providerOptions.openai.store = false).',
          at,
        );
      }
      case undefined:
      case null:
        throw missingParameter(`${at}.type`);
      default:
        if (typeof type === 'string' && OPENAI_ONLY_ITEMS.has(type)) {
          warnings.push(`${at}: ${type} items exist only at OpenAI, dropped`);
          break;
        }
        throw invalidValue(`${at}.type`, type, ITEM_TYPES);
    }
    leading = false;
  });
  return { system, messages: turns.result() };
}

/** A tool output: a string, or a list of `input_text` / `input_image` parts. */
function decodeToolOutput(output: unknown, at: string, warnings: string[]): Array<IrTextPart | IrImagePart> {
  if (typeof output === 'string') return output === '' ? [] : [{ type: 'text', text: output }];
  if (output === undefined || output === null) throw missingParameter(at);
  if (!Array.isArray(output)) throw invalidType(at, 'a string or an array of content parts', output);
  return decodeResponsesContent(output, at, warnings).map((part: IrPart) => {
    if (part.type === 'text' || part.type === 'image') return part;
    throw invalidValue(`${at}[].type`, part.type, ['input_text', 'input_image']);
  });
}

/** The texts of a reasoning item's `summary` (`summary_text` parts), joined by blank lines. */
function reasoningSummary(summary: unknown, at: string): string {
  if (summary === undefined || summary === null) return '';
  if (!Array.isArray(summary)) throw invalidType(`${at}.summary`, 'an array', summary);
  return summary
    .map((part: unknown, k) => {
      if (!isRecord(part)) throw invalidType(`${at}.summary[${k}]`, 'an object', part);
      return requiredString(part['text'], `${at}.summary[${k}].text`);
    })
    .filter((text) => text !== '')
    .join('\n\n');
}
