import { type IrTool, type IrToolChoice, RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../inspect/parameter-errors.js';
import { requiredRecord, requiredString } from './field-readers.js';

export interface DecodedToolChoice {
  /** The tools to send: the client's, filtered by an `allowed_tools` choice. */
  tools?: IrTool[];
  toolChoice?: IrToolChoice;
}

/**
 * `tool_choice` (§1.5, §5.3): `none`/`auto`/`required` as they are, `{type:"function"}` as a forced
 * tool. `none` keeps the tools (history may hold tool calls, §6 #12). `allowed_tools` filters the tools
 * to the ones it names, then means `auto` or `required` by its `mode`; naming a tool that is not in
 * `tools` is a 400. Custom tool choices are 400s.
 */
export function decodeToolChoice(value: unknown, tools: IrTool[] | undefined): DecodedToolChoice {
  if (value === undefined || value === null) return { tools };
  if (value === 'none' || value === 'auto' || value === 'required') return { tools, toolChoice: { type: value } };
  if (typeof value === 'string') throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
  if (!isRecord(value)) throw invalidType('tool_choice', 'a string or an object', value);

  const type = value['type'];
  switch (type) {
    case 'function': {
      const fn = requiredRecord(value['function'], 'tool_choice.function');
      return { tools, toolChoice: { type: 'tool', name: requiredString(fn['name'], 'tool_choice.function.name') } };
    }
    case 'custom':
      throw untranslatable('tool_choice.type', 'a custom tool choice');
    case 'allowed_tools':
      return decodeAllowedTools(requiredRecord(value['allowed_tools'], 'tool_choice.allowed_tools'), tools ?? []);
    case undefined:
    case null:
      throw missingParameter('tool_choice.type');
    default:
      throw invalidValue('tool_choice.type', type, ['function', 'custom', 'allowed_tools']);
  }
}

function decodeAllowedTools(allowed: Record<string, unknown>, tools: IrTool[]): DecodedToolChoice {
  const mode = allowed['mode'];
  if (mode !== 'auto' && mode !== 'required') {
    if (mode === undefined || mode === null) throw missingParameter('tool_choice.allowed_tools.mode');
    throw invalidValue('tool_choice.allowed_tools.mode', mode, ['auto', 'required']);
  }
  const entries = allowed['tools'];
  if (!Array.isArray(entries)) {
    if (entries === undefined || entries === null) throw missingParameter('tool_choice.allowed_tools.tools');
    throw invalidType('tool_choice.allowed_tools.tools', 'an array', entries);
  }
  const names = new Set<string>();
  entries.forEach((entry: unknown, k) => {
    const at = `tool_choice.allowed_tools.tools[${k}]`;
    if (!isRecord(entry)) throw invalidType(at, 'an object', entry);
    if (entry['type'] === 'custom') throw untranslatable(`${at}.type`, 'custom tools');
    if (entry['type'] !== 'function') throw invalidValue(`${at}.type`, entry['type'], ['function', 'custom']);
    const name = requiredString(requiredRecord(entry['function'], `${at}.function`)['name'], `${at}.function.name`);
    if (!tools.some((tool) => tool.name === name)) {
      throw RouterError.invalidRequest(`Invalid '${at}.function.name': no tool named '${name}' in 'tools'.`, `${at}.function.name`);
    }
    names.add(name);
  });
  return { tools: tools.filter((tool) => names.has(tool.name)), toolChoice: { type: mode } };
}
