import type { IrTool, IrToolChoice } from '@llm-router/core';
import { invalidField, isRecord, readList, readOptionalBoolean, readOptionalString, readRecord, readString } from './read-request-field.js';

const EMPTY_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze({ type: 'object', properties: {} });

/** The client tools of a request, and the names of those declared with `defer_loading: true`. */
export interface DecodedTools {
  tools: IrTool[];
  deferred: string[];
}

/**
 * `tools` as IR (docs/protocols.md §3.4, §5.3). Client tools (no `type`, or `type:"custom"`) translate,
 * `input_schema` becoming `parameters` (a missing schema is the empty object schema). Server and
 * versioned tools (`web_search_20250305`, `bash_20250124`, …) run inside Anthropic: 400 naming `tools[k].type`.
 * `defer_loading` (a boolean) is reported in `deferred`: which of them reach the upstream is the caller's
 * call (see `ToolLoading`). `cache_control`, `eager_input_streaming` (`@ai-sdk/anthropic` sends it; a
 * streaming hint with no meaning elsewhere), `input_examples` and the like are dropped.
 */
export function decodeRequestTools(value: unknown): DecodedTools | undefined {
  if (value === undefined || value === null) return undefined;
  const deferred: string[] = [];
  const tools = readList(value, 'tools').map((item, k): IrTool => {
    const path = `tools[${k}]`;
    const tool = readRecord(item, path);
    const type = tool['type'];
    if (type !== undefined && type !== null && type !== 'custom') {
      throw invalidField(
        `${path}.type`,
        typeof type === 'string' ? `'${type}' is an Anthropic server tool and cannot be translated for this upstream` : 'Input should be a valid string',
      );
    }
    const schema = tool['input_schema'];
    if (schema !== undefined && !isRecord(schema)) throw invalidField(`${path}.input_schema`, 'Input should be a valid dictionary');
    const description = readOptionalString(tool['description'], `${path}.description`);
    const strict = readOptionalBoolean(tool['strict'], `${path}.strict`);
    const name = readString(tool['name'], `${path}.name`);
    if (readOptionalBoolean(tool['defer_loading'], `${path}.defer_loading`) === true) deferred.push(name);
    readOptionalBoolean(tool['eager_input_streaming'], `${path}.eager_input_streaming`);
    return {
      name,
      ...(description === undefined ? {} : { description }),
      parameters: schema ?? { ...EMPTY_SCHEMA },
      ...(strict === undefined ? {} : { strict }),
    };
  });
  return { tools, deferred };
}

/** `tool_choice` as IR: auto, any (→ required), tool, none; `disable_parallel_tool_use:true` → `parallelToolCalls:false`. */
export function decodeToolChoice(value: unknown): { toolChoice?: IrToolChoice; parallelToolCalls?: false } {
  if (value === undefined || value === null) return {};
  const choice = readRecord(value, 'tool_choice');
  const parallel = readOptionalBoolean(choice['disable_parallel_tool_use'], 'tool_choice.disable_parallel_tool_use') === true ? { parallelToolCalls: false as const } : {};
  switch (choice['type']) {
    case 'auto':
      return { toolChoice: { type: 'auto' }, ...parallel };
    case 'any':
      return { toolChoice: { type: 'required' }, ...parallel };
    case 'tool':
      return { toolChoice: { type: 'tool', name: readString(choice['name'], 'tool_choice.name') }, ...parallel };
    case 'none':
      return { toolChoice: { type: 'none' } };
    default:
      throw invalidField('tool_choice.type', "Input should be 'auto', 'any', 'tool' or 'none'");
  }
}
