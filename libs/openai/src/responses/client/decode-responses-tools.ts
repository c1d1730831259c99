import { type IrTool, type IrToolChoice, RouterError } from '@llm-router/core';
import { optionalArray, optionalBoolean, optionalRecord, optionalString, requiredString } from '../../decode/field-readers.js';
import { invalidType, invalidValue, missingParameter } from '../../inspect/parameter-errors.js';
import { isRecord } from '../../is-record.js';
import { wrapCustomTool } from './custom-tool-input.js';

/**
 * OpenAI's hosted tools (run by OpenAI itself, §8.1) and Codex's `namespace` tool groups: a translated
 * request cannot carry them.
 */
const HOSTED_TOOL_TYPES = new Set([
  'web_search',
  'web_search_preview',
  'web_search_2025_08_26',
  'web_search_preview_2025_03_11',
  'file_search',
  'code_interpreter',
  'computer_use',
  'computer_use_preview',
  'image_generation',
  'mcp',
  'local_shell',
  'namespace',
]);

export interface DecodedResponsesTools {
  tools?: IrTool[];
  toolChoice?: IrToolChoice;
}

/**
 * `tools` and `tool_choice` (§8.1):
 * - `function` tools (flat: name, description, parameters, strict) as IR tools (parameters default to an
 *   empty object schema);
 * - `custom` (freeform) tools as wrapped IR tools (wrapCustomTool);
 * - hosted tools (HOSTED_TOOL_TYPES) are dropped with a warning: Codex sends `web_search` on every turn,
 *   and a 400 would make it unusable with any other provider. A `tool_choice` that forces a hosted tool
 *   is a 400 naming `tool_choice` (the model could not do what the client demands);
 * - `tool_choice` `auto`/`none`/`required`, `{type: "function"|"custom", name}` (a forced tool; naming
 *   one that is not in `tools` is a 400), `{type: "allowed_tools", mode, tools}` (tools filtered to those
 *   named, then `auto`/`required`).
 */
export function decodeResponsesTools(toolsValue: unknown, choiceValue: unknown, warnings: string[]): DecodedResponsesTools {
  const list = optionalArray(toolsValue, 'tools');
  const hostedTypes = new Set<string>();
  let tools: IrTool[] | undefined;
  if (list !== undefined) {
    tools = [];
    list.forEach((tool: unknown, i) => {
      const at = `tools[${i}]`;
      if (!isRecord(tool)) throw invalidType(at, 'an object', tool);
      const type = tool['type'];
      if (type === 'function') tools?.push(decodeFunctionTool(tool, at));
      else if (type === 'custom') {
        const format = optionalRecord(tool['format'], `${at}.format`);
        tools?.push(wrapCustomTool(requiredString(tool['name'], `${at}.name`), optionalString(tool['description'], `${at}.description`), format));
      } else if (typeof type === 'string' && HOSTED_TOOL_TYPES.has(type)) {
        hostedTypes.add(type);
        warnings.push(`${at}: the hosted tool '${type}' runs only at OpenAI, dropped`);
      } else if (type === undefined || type === null) throw missingParameter(`${at}.type`);
      else throw invalidValue(`${at}.type`, type, ['function', 'custom', ...HOSTED_TOOL_TYPES]);
    });
  }
  return { tools, ...decodeChoice(choiceValue, tools ?? [], hostedTypes) };
}

function decodeFunctionTool(tool: Record<string, unknown>, at: string): IrTool {
  const decoded: IrTool = {
    name: requiredString(tool['name'], `${at}.name`),
    parameters: optionalRecord(tool['parameters'], `${at}.parameters`) ?? { type: 'object', properties: {} },
  };
  const description = optionalString(tool['description'], `${at}.description`);
  if (description !== undefined) decoded.description = description;
  const strict = optionalBoolean(tool['strict'], `${at}.strict`);
  if (strict !== undefined) decoded.strict = strict;
  return decoded;
}

function decodeChoice(value: unknown, tools: IrTool[], hostedTypes: ReadonlySet<string>): Pick<DecodedResponsesTools, 'toolChoice'> & { tools?: IrTool[] } {
  if (value === undefined || value === null) return {};
  if (value === 'none' || value === 'auto' || value === 'required') return { toolChoice: { type: value } };
  if (typeof value === 'string') throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
  if (!isRecord(value)) throw invalidType('tool_choice', 'a string or an object', value);
  const type = value['type'];
  if (type === 'function' || type === 'custom') {
    const name = requiredString(value['name'], 'tool_choice.name');
    if (!tools.some((tool) => tool.name === name && (tool.custom !== undefined) === (type === 'custom'))) {
      throw RouterError.invalidRequest(`Invalid 'tool_choice.name': no ${type} tool named '${name}' in 'tools'.`, 'tool_choice.name');
    }
    return { toolChoice: { type: 'tool', name } };
  }
  if (type === 'allowed_tools') {
    const mode = value['mode'];
    if (mode !== 'auto' && mode !== 'required') throw invalidValue('tool_choice.mode', mode, ['auto', 'required']);
    const allowed = optionalArray(value['tools'], 'tool_choice.tools') ?? [];
    const names = new Set(allowed.map((entry: unknown) => (isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : '')));
    return { tools: tools.filter((tool) => names.has(tool.name)), toolChoice: { type: mode } };
  }
  if (typeof type === 'string' && (HOSTED_TOOL_TYPES.has(type) || type.startsWith('web_search') || type === 'mcp')) {
    throw RouterError.invalidRequest(
      `Unsupported parameter: 'tool_choice': it forces the hosted tool '${type}'${hostedTypes.has(type) ? '' : ' (not in tools)'}, which runs only at OpenAI and cannot be translated for the upstream this model is served by.`,
      'tool_choice',
    );
  }
  if (type === undefined || type === null) throw missingParameter('tool_choice.type');
  throw invalidValue('tool_choice.type', type, ['function', 'custom', 'allowed_tools']);
}
