import { type IrRequest, type IrResponseFormat, type IrTool, type IrToolChoice, type TranslationContext, RouterError } from '@llm-router/core';
import { compact } from '../compact.js';
import { unreachable } from '../unreachable.js';
import type { ChatRequestBody, ChatRequestResponseFormat, ChatRequestTool, ChatRequestToolChoice } from '../wire/chat-request.js';
import { encodeChatMessages } from './encode-chat-messages.js';
import { reasoningEffortFor } from './reasoning-effort-for.js';

/** OpenAI accepts at most this many stop sequences (§1.2). */
const MAX_STOP_SEQUENCES = 4;

/**
 * An IR request as a chat completions body for an OpenAI(-compatible) upstream (§5.1–5.5, §5.10):
 * - `model` is the upstream model; messages as `encodeChatMessages` says;
 * - the output cap goes as `max_completion_tokens`, clamped to `context.maxOutputTokens` (warning);
 * - more than 4 stop sequences: the first 4 (warning); `top_k` has no chat field: dropped (warning);
 * - thinking becomes `reasoning_effort` (see `reasoningEffortFor`);
 * - `tool_choice` and `parallel_tool_calls` go only with tools (the API refuses them without); a
 *   `none` choice keeps the tools (§6 #12);
 * - `n` and `logprobs` (as `logprobs:true` + `top_logprobs`) are passed on;
 * - a legacy completion goes as its one user turn, a lossy continuation (warning); `suffix` and
 *   `echo` have no chat form: 400 naming them;
 * - a stream ALWAYS asks for `stream_options.include_usage`, so usage is metered even when the client
 *   did not ask for it (the client codec's encoder decides whether the client sees it).
 */
export function encodeChatRequest(request: IrRequest, context: TranslationContext): ChatRequestBody {
  const { warnings } = context;
  if (request.completion !== undefined) {
    if (request.completion.suffix !== undefined) throw completionOnly('suffix', 'text insertion (suffix)');
    if (request.completion.echo === true) throw completionOnly('echo', 'echoing the prompt');
    warnings.push('prompt: sent to a chat model as one user message, not continued raw');
  }

  let maxTokens = request.maxTokens;
  if (maxTokens !== undefined && context.maxOutputTokens !== undefined && maxTokens > context.maxOutputTokens) {
    warnings.push(`max_tokens: ${maxTokens} clamped to the model's maximum of ${context.maxOutputTokens}`);
    maxTokens = context.maxOutputTokens;
  }
  let stop = request.stop;
  if (stop !== undefined && stop.length > MAX_STOP_SEQUENCES) {
    warnings.push(`stop: only the first ${MAX_STOP_SEQUENCES} of ${stop.length} stop sequences sent`);
    stop = stop.slice(0, MAX_STOP_SEQUENCES);
  }
  if (request.topK !== undefined) warnings.push('top_k: not supported by openai, dropped');

  const tools = request.tools !== undefined && request.tools.length > 0 ? request.tools.map(encodeTool) : undefined;
  return compact<ChatRequestBody>({
    model: context.upstreamModel,
    messages: encodeChatMessages(request.system, request.messages, warnings),
    stream: request.stream,
    stream_options: request.stream ? { include_usage: true } : undefined,
    max_completion_tokens: maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    stop: stop !== undefined && stop.length > 0 ? stop : undefined,
    seed: request.seed,
    presence_penalty: request.presencePenalty,
    frequency_penalty: request.frequencyPenalty,
    response_format: request.responseFormat === undefined ? undefined : encodeResponseFormat(request.responseFormat),
    reasoning_effort: request.thinking === undefined ? undefined : reasoningEffortFor(request.thinking, request.effort),
    user: request.user,
    n: request.n,
    logprobs: request.logprobs === undefined ? undefined : true,
    top_logprobs: request.logprobs?.top,
    tools,
    tool_choice: tools !== undefined && request.toolChoice !== undefined ? encodeToolChoice(request.toolChoice) : undefined,
    parallel_tool_calls: tools === undefined ? undefined : request.parallelToolCalls,
  });
}

function completionOnly(param: string, feature: string): RouterError {
  return RouterError.invalidRequest(`Unsupported parameter: '${param}': ${feature} is not possible with a chat model.`, param);
}

function encodeTool(tool: IrTool): ChatRequestTool {
  return {
    type: 'function',
    function: compact({ name: tool.name, description: tool.description, parameters: tool.parameters, strict: tool.strict }),
  };
}

function encodeToolChoice(choice: IrToolChoice): ChatRequestToolChoice {
  switch (choice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return choice.type;
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
    default:
      return unreachable(choice, 'auto');
  }
}

function encodeResponseFormat(format: IrResponseFormat): ChatRequestResponseFormat {
  switch (format.type) {
    case 'text':
    case 'json_object':
      return { type: format.type };
    case 'json_schema':
      return { type: 'json_schema', json_schema: compact({ name: format.name, schema: format.schema, strict: format.strict }) };
    default:
      return unreachable(format, { type: 'text' });
  }
}
