import type { IrRequest, IrResponseFormat, IrTool, IrToolChoice } from '@llm-router/core';
import type { ResponsesEcho } from './responses-wire.js';

/**
 * The request parameters a `response` object repeats (the SDK's `Response` type marks them required), from
 * the decoded request: `instructions` is the system prompt (instructions and leading system/developer
 * messages, joined), tools as the client declared them (custom ones unwrapped), the defaults of the real
 * API where the request said nothing. `store` is always false: the router stores nothing. Without a request
 * (passthrough encoders such as echo) the defaults alone.
 */
export function responsesEcho(request: IrRequest | undefined): ResponsesEcho {
  const system = request?.system.map((part) => part.text).join('\n\n') ?? '';
  return {
    instructions: system === '' ? null : system,
    tools: (request?.tools ?? []).map(echoTool),
    tool_choice: echoToolChoice(request?.toolChoice, request?.tools),
    parallel_tool_calls: request?.parallelToolCalls ?? true,
    temperature: request?.temperature ?? null,
    top_p: request?.topP ?? null,
    max_output_tokens: request?.maxTokens ?? null,
    text: { format: echoFormat(request?.responseFormat) },
    reasoning: { effort: null, summary: null },
    store: false,
    metadata: {},
    truncation: 'disabled',
    user: request?.user ?? null,
  };
}

function echoTool(tool: IrTool): Record<string, unknown> {
  if (tool.custom !== undefined) return { type: 'custom', name: tool.name, description: tool.custom.description ?? null, format: tool.custom.format ?? { type: 'text' } };
  return { type: 'function', name: tool.name, description: tool.description ?? null, parameters: tool.parameters, strict: tool.strict ?? null };
}

function echoToolChoice(choice: IrToolChoice | undefined, tools: readonly IrTool[] | undefined): unknown {
  if (choice === undefined) return 'auto';
  if (choice.type !== 'tool') return choice.type;
  const custom = tools?.some((tool) => tool.name === choice.name && tool.custom !== undefined) === true;
  return { type: custom ? 'custom' : 'function', name: choice.name };
}

function echoFormat(format: IrResponseFormat | undefined): Record<string, unknown> {
  if (format === undefined) return { type: 'text' };
  if (format.type !== 'json_schema') return { type: format.type };
  return { type: 'json_schema', name: format.name, schema: format.schema, strict: format.strict ?? null };
}
