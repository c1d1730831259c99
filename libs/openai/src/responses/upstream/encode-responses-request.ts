import { type IrRequest, type IrResponseFormat, type IrTool, type IrToolChoice, RouterError, type TranslationContext } from '@llm-router/core';
import { compact } from '../../compact.js';
import { unreachable } from '../../unreachable.js';
import { reasoningEffortFor } from '../../upstream/reasoning-effort-for.js';
import { encodeResponsesInput, TEXT_SEPARATOR } from './encode-responses-input.js';
import type { ResponsesFunctionTool, ResponsesRequestBody, ResponsesTextFormat, ResponsesToolChoice } from './responses-request-body.js';

/** The Responses API refuses a smaller `max_output_tokens` (`integer_below_min_value`). */
export const MIN_OUTPUT_TOKENS = 16;

/**
 * An IR request as a Responses API body (protocols.md §8.1), for an `api: responses` OpenAI model:
 * - the system prompt is `instructions`; turns are `input` items (see `encodeResponsesInput`);
 * - `store: false` always: the router keeps no state, and stored responses would only pile up upstream;
 * - a stream sends `stream: true` and no `stream_options` (Responses always reports usage in its
 *   terminal event);
 * - the output cap is `max_output_tokens`, clamped to `context.maxOutputTokens` and raised to the API's
 *   minimum of 16 (each with a warning);
 * - tools are flat `{type:"function", name, description, parameters, strict}`; `strict` is always sent
 *   (false when the IR says nothing) because Responses defaults it to true, which refuses ordinary
 *   schemas; `tool_choice` and `parallel_tool_calls` only with tools;
 * - `responseFormat` is `text.format`; thinking is `reasoning.effort` (the chat table,
 *   `reasoningEffortFor`) with `summary: "auto"`, so the model's reasoning comes back as thinking;
 * - the Responses API has no `stop`, `seed`, `top_k`, `presence_penalty` or `frequency_penalty`: they
 *   are dropped with a warning (tuning knobs; the answer keeps its shape). `n > 1` and `logprobs`
 *   would change the answer's shape: 400 naming the field;
 * - a legacy completion is its one user turn (warning); `suffix` and `echo`: 400 naming them.
 */
export function encodeResponsesRequest(request: IrRequest, context: TranslationContext): ResponsesRequestBody {
  const { warnings } = context;
  if (request.n !== undefined && request.n > 1) throw unsupported('n', 'more than one choice per request');
  if (request.logprobs !== undefined) throw unsupported('logprobs', 'log probabilities in this answer shape');
  if (request.completion !== undefined) {
    if (request.completion.suffix !== undefined) throw unsupported('suffix', 'text insertion (suffix)');
    if (request.completion.echo === true) throw unsupported('echo', 'echoing the prompt');
    warnings.push('prompt: sent to a responses model as one user message, not continued raw');
  }
  if (request.stop !== undefined && request.stop.length > 0) warnings.push('stop: not supported by the openai responses api, dropped');
  if (request.seed !== undefined) warnings.push('seed: not supported by the openai responses api, dropped');
  if (request.topK !== undefined) warnings.push('top_k: not supported by openai, dropped');
  if (request.presencePenalty !== undefined) warnings.push('presence_penalty: not supported by the openai responses api, dropped');
  if (request.frequencyPenalty !== undefined) warnings.push('frequency_penalty: not supported by the openai responses api, dropped');

  let maxTokens = request.maxTokens;
  if (maxTokens !== undefined && context.maxOutputTokens !== undefined && maxTokens > context.maxOutputTokens) {
    warnings.push(`max_tokens: ${maxTokens} clamped to the model's maximum of ${context.maxOutputTokens}`);
    maxTokens = context.maxOutputTokens;
  }
  if (maxTokens !== undefined && maxTokens < MIN_OUTPUT_TOKENS) {
    warnings.push(`max_tokens: ${maxTokens} raised to the responses api's minimum of ${MIN_OUTPUT_TOKENS}`);
    maxTokens = MIN_OUTPUT_TOKENS;
  }

  const instructions = request.system
    .map((part) => part.text)
    .filter((text) => text !== '')
    .join(TEXT_SEPARATOR);
  const effort = request.thinking === undefined ? undefined : reasoningEffortFor(request.thinking, request.effort);
  const tools = request.tools !== undefined && request.tools.length > 0 ? request.tools.map(encodeTool) : undefined;
  return compact<ResponsesRequestBody>({
    model: context.upstreamModel,
    instructions: instructions === '' ? undefined : instructions,
    input: encodeResponsesInput(request.messages),
    stream: request.stream,
    store: false,
    max_output_tokens: maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    user: request.user,
    tools,
    tool_choice: tools !== undefined && request.toolChoice !== undefined ? encodeToolChoice(request.toolChoice) : undefined,
    parallel_tool_calls: tools === undefined ? undefined : request.parallelToolCalls,
    text: request.responseFormat === undefined ? undefined : { format: encodeTextFormat(request.responseFormat) },
    reasoning: effort === undefined ? undefined : { effort, summary: 'auto' },
  });
}

function unsupported(param: string, feature: string): RouterError {
  return RouterError.invalidRequest(`Unsupported parameter: '${param}': ${feature} is not possible with an OpenAI Responses API model.`, param);
}

function encodeTool(tool: IrTool): ResponsesFunctionTool {
  return compact({ type: 'function' as const, name: tool.name, description: tool.description, parameters: tool.parameters, strict: tool.strict ?? false });
}

function encodeToolChoice(choice: IrToolChoice): ResponsesToolChoice {
  switch (choice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return choice.type;
    case 'tool':
      return { type: 'function', name: choice.name };
    default:
      return unreachable(choice, 'auto');
  }
}

function encodeTextFormat(format: IrResponseFormat): ResponsesTextFormat {
  switch (format.type) {
    case 'text':
    case 'json_object':
      return { type: format.type };
    case 'json_schema':
      return compact({ type: 'json_schema' as const, name: format.name, schema: format.schema, strict: format.strict });
    default:
      return unreachable(format, { type: 'text' });
  }
}
