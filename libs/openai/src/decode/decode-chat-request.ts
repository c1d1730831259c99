import type { IrRequest, TranslationContext } from '@llm-router/core';
import { compact } from '../compact.js';
import { inspectChatRequest } from '../inspect/inspect-chat-request.js';
import { untranslatable } from '../inspect/parameter-errors.js';
import { CHAT_FIELD_POLICY } from './chat-field-policy.js';
import { decodeChatMessages } from './decode-chat-messages.js';
import { decodeCommonFields } from './decode-common-fields.js';
import { decodeReasoningEffort } from './decode-reasoning-effort.js';
import { decodeResponseFormat } from './decode-response-format.js';
import { decodeToolChoice } from './decode-tool-choice.js';
import { decodeTools } from './decode-tools.js';
import { optionalArray, optionalBoolean, optionalInteger } from './field-readers.js';
import { screenFields } from './screen-fields.js';

/**
 * `ClientCodec.decodeRequest` for `/v1/chat/completions` (§1.2–1.5, §5.1–5.5, §5.10): the body as an
 * IR request for an upstream of another family. Refuses (400, naming the field) what would change the
 * answer if dropped; drops tuning knobs with a warning in `context.warnings` (see CHAT_FIELD_POLICY).
 * `max_completion_tokens` wins over `max_tokens`; `logprobs:true` becomes `logprobs.top` =
 * `top_logprobs` (0 when absent); `logprobs:false` is left out.
 */
export function decodeChatRequest(body: unknown, context: TranslationContext): IrRequest {
  const { model } = inspectChatRequest(body);
  const request = body as Record<string, unknown>;
  screenFields(request, CHAT_FIELD_POLICY, context.warnings);

  const modalities = optionalArray(request['modalities'], 'modalities');
  if (modalities !== undefined && modalities.some((modality) => modality !== 'text')) throw untranslatable('modalities', 'output modalities other than text');

  const { system, messages } = decodeChatMessages(request['messages'] as unknown[], context.warnings);
  const { tools, toolChoice } = decodeToolChoice(request['tool_choice'], decodeTools(request['tools']));
  const logprobs = optionalBoolean(request['logprobs'], 'logprobs');
  const topLogprobs = optionalInteger(request['top_logprobs'], 'top_logprobs');

  return compact<IrRequest>({
    model,
    system,
    messages,
    tools,
    toolChoice,
    parallelToolCalls: optionalBoolean(request['parallel_tool_calls'], 'parallel_tool_calls'),
    maxTokens: optionalInteger(request['max_completion_tokens'], 'max_completion_tokens') ?? optionalInteger(request['max_tokens'], 'max_tokens'),
    topK: optionalInteger(request['top_k'], 'top_k'),
    responseFormat: decodeResponseFormat(request['response_format']),
    thinking: decodeReasoningEffort(request['reasoning_effort']),
    logprobs: logprobs === true ? { top: topLogprobs ?? 0 } : undefined,
    ...decodeCommonFields(request),
  });
}
