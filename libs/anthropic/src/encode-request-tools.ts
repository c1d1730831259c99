import type { IrRequest, IrToolChoice, TranslationContext } from '@llm-router/core';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-request-types.js';

/**
 * `tools` and `tool_choice` for Anthropic (docs/protocols.md §5.3):
 * - tools become `{name, description, input_schema}`: an empty schema becomes the empty object
 *   schema, and `type` is always `"object"` (Anthropic requires it; arguments are an object in every
 *   family anyway); `strict` is only sent when true;
 * - none → `{type:"none"}` with the tools KEPT (the history may hold tool blocks, §6 #12),
 *   required → any, tool → `{type:"tool", name}`, auto → auto;
 * - `parallelToolCalls:false` → `disable_parallel_tool_use:true` on the choice (`{type:"auto"}` when
 *   the client chose none; never on `none`, which does not take it);
 * - without tools nothing is sent, except when the history holds tool calls: Anthropic 400s on tool
 *   blocks without `tools`, so the called names are declared with empty schemas and `tool_choice`
 *   none (the client offered no tools, so none may be called), with a warning.
 */
export function encodeRequestTools(request: IrRequest, context: TranslationContext): { tools?: AnthropicTool[]; tool_choice?: AnthropicToolChoice } {
  if (request.tools === undefined || request.tools.length === 0) return declareHistoryTools(request, context);
  const tools = request.tools.map(
    (tool): AnthropicTool => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      input_schema: inputSchema(tool.parameters),
      ...(tool.strict === true ? { strict: true as const } : {}),
    }),
  );
  const choice = encodeToolChoice(request.toolChoice, request.parallelToolCalls === false);
  return choice === undefined ? { tools } : { tools, tool_choice: choice };
}

function encodeToolChoice(choice: IrToolChoice | undefined, oneCallAtMost: boolean): AnthropicToolChoice | undefined {
  const parallel = oneCallAtMost ? { disable_parallel_tool_use: true as const } : {};
  switch (choice?.type) {
    case undefined:
      return oneCallAtMost ? { type: 'auto', ...parallel } : undefined;
    case 'auto':
      return { type: 'auto', ...parallel };
    case 'required':
      return { type: 'any', ...parallel };
    case 'tool':
      return { type: 'tool', name: choice.name, ...parallel };
    case 'none':
      return { type: 'none' };
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
}

function declareHistoryTools(request: IrRequest, context: TranslationContext): { tools?: AnthropicTool[]; tool_choice?: AnthropicToolChoice } {
  const names = new Set<string>();
  for (const message of request.messages) {
    for (const part of message.parts) if (part.type === 'tool_call') names.add(part.name);
  }
  if (names.size === 0) return {};
  context.warnings.push('tools: the history has tool calls but no tools were given; declared them without schemas, with tool_choice none');
  return { tools: [...names].map((name) => ({ name, input_schema: emptySchema() })), tool_choice: { type: 'none' } };
}

function inputSchema(parameters: Record<string, unknown> | undefined): AnthropicTool['input_schema'] {
  if (parameters === undefined || Object.keys(parameters).length === 0) return emptySchema();
  return { ...parameters, type: 'object' };
}

function emptySchema(): AnthropicTool['input_schema'] {
  return { type: 'object', properties: {} };
}
