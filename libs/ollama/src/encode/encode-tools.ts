import { type IrRequest, type IrTool, RouterError, type TranslationContext } from '@llm-router/core';
import type { OllamaTool } from '../wire/ollama-wire-types.js';
import { unreachable } from '../unreachable.js';

/**
 * The `tools` to send, shaped by `tool_choice`, which Ollama does not have (§5.3):
 * - auto (or none given): every tool;
 * - none: no tools at all, so the model cannot call one (§6 #12); tool history is still sent;
 * - required: every tool, with a warning (Ollama cannot force a call);
 * - a named tool: only that tool, with a warning (the model may still answer in text); a name that is
 *   not among the tools is a 400 naming `tool_choice`.
 * `parallelToolCalls: false` cannot be honoured either: a warning. `strict` is dropped.
 * Returns undefined when no tools are to be sent.
 */
export function encodeTools(request: IrRequest, context: TranslationContext): OllamaTool[] | undefined {
  const tools = request.tools ?? [];
  const choice = request.toolChoice ?? { type: 'auto' };
  let selected: readonly IrTool[];
  switch (choice.type) {
    case 'auto':
      selected = tools;
      break;
    case 'none':
      selected = [];
      break;
    case 'required':
      selected = tools;
      if (tools.length > 0) context.warnings.push('tool_choice: ollama cannot force a tool call; tools sent, the model may answer without one');
      break;
    case 'tool':
      selected = tools.filter((tool) => tool.name === choice.name);
      if (selected.length === 0) {
        throw RouterError.invalidRequest(`tool_choice: names the tool ${JSON.stringify(choice.name)}, which is not among the tools`, 'tool_choice');
      }
      context.warnings.push(`tool_choice: ollama cannot force a tool call; only ${choice.name} sent, the model may answer without calling it`);
      break;
    default:
      selected = unreachable(choice, tools);
  }
  if (selected.length === 0) return undefined;
  if (request.parallelToolCalls === false) {
    context.warnings.push('parallel_tool_calls: ollama cannot limit a turn to one tool call; ignored');
  }
  return selected.map(encodeTool);
}

function encodeTool(tool: IrTool): OllamaTool {
  const fn: OllamaTool['function'] = { name: tool.name, parameters: tool.parameters };
  if (tool.description !== undefined) fn.description = tool.description;
  return { type: 'function', function: fn };
}
