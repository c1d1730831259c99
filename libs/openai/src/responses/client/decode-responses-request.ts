import { type IrRequest, type IrTextPart, RouterError, type TranslationContext } from '@llm-router/core';
import { compact } from '../../compact.js';
import { decodeReasoningEffort } from '../../decode/decode-reasoning-effort.js';
import { optionalBoolean, optionalInteger, optionalNumber, optionalRecord, optionalString } from '../../decode/field-readers.js';
import { invalidValue, untranslatable } from '../../inspect/parameter-errors.js';
import { decodeResponsesInput } from './decode-responses-input.js';
import { decodeResponsesTools } from './decode-responses-tools.js';
import { decodeTextFormat } from '../../decode/decode-response-format.js';
import { inspectResponsesRequest } from './inspect-responses-request.js';

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

/** State the router does not keep (§8.4): refused on a translated request. */
const STATE_FIELDS = ['previous_response_id', 'conversation'] as const;

/**
 * `ClientCodec.decodeRequest` for `POST /v1/responses` (§8.1) when the model is served by another family:
 * `instructions` first in the system prompt, then `input` (decodeResponsesInput); `tools`/`tool_choice`
 * (decodeResponsesTools); `text.format` as the response format, `text.verbosity` dropped with a warning;
 * `reasoning.effort` as chat's `reasoning_effort` (decodeReasoningEffort), `reasoning.summary` accepted (the
 * answer's thinking always comes back as reasoning summaries); `max_output_tokens`, `temperature`, `top_p`,
 * `parallel_tool_calls`, `safety_identifier`/`user`. `previous_response_id`, `conversation`, `background`
 * and stored `prompt`s need state the router does not keep: 400 naming the field. Accepted and dropped
 * without a warning (bookkeeping that does not change a stateless translated answer): `store` (nothing is
 * stored anyway), `include` (encrypted reasoning cannot be produced elsewhere), `prompt_cache_key`,
 * `metadata`, `truncation`, `service_tier`, `stream_options`; unknown fields are ignored. Streams always get usage
 * (in the terminal event), so `streamUsage` is true for them.
 */
export function decodeResponsesRequest(body: unknown, context: TranslationContext): IrRequest {
  const { model, stream } = inspectResponsesRequest(body);
  const request = body as Record<string, unknown>;
  for (const field of STATE_FIELDS) {
    if (request[field] !== undefined && request[field] !== null) {
      throw RouterError.invalidRequest(
        `Unsupported parameter: '${field}': the router keeps no conversation state; send the full input.`,
        field,
      );
    }
  }
  if (optionalBoolean(request['background'], 'background') === true) throw untranslatable('background', 'background responses (the router keeps no state)');
  if (request['prompt'] !== undefined && request['prompt'] !== null) throw untranslatable('prompt', 'stored prompt templates');

  const warnings = context.warnings;
  const text = optionalRecord(request['text'], 'text');
  if (text?.['verbosity'] !== undefined && text['verbosity'] !== null) warnings.push('text.verbosity: not supported by the upstream, dropped');
  if (request['top_logprobs'] !== undefined && request['top_logprobs'] !== null) warnings.push('top_logprobs: not supported by the upstream, dropped');
  if (request['max_tool_calls'] !== undefined && request['max_tool_calls'] !== null) warnings.push('max_tool_calls: not supported by the upstream, dropped');

  const reasoning = optionalRecord(request['reasoning'], 'reasoning');
  const effort = reasoning?.['effort'];
  if (effort !== undefined && effort !== null && !(EFFORTS as readonly unknown[]).includes(effort)) throw invalidValue('reasoning.effort', effort, EFFORTS);

  const instructions = optionalString(request['instructions'], 'instructions');
  const { system, messages } = decodeResponsesInput(request['input'], warnings);
  const { tools, toolChoice } = decodeResponsesTools(request['tools'], request['tool_choice'], warnings);
  const leading: IrTextPart[] = instructions === undefined || instructions === '' ? [] : [{ type: 'text', text: instructions }];

  return compact<IrRequest>({
    model,
    system: [...leading, ...system],
    messages,
    tools,
    toolChoice,
    parallelToolCalls: optionalBoolean(request['parallel_tool_calls'], 'parallel_tool_calls'),
    maxTokens: optionalInteger(request['max_output_tokens'], 'max_output_tokens'),
    temperature: optionalNumber(request['temperature'], 'temperature'),
    topP: optionalNumber(request['top_p'], 'top_p'),
    responseFormat: decodeTextFormat(text?.['format']),
    thinking: decodeReasoningEffort(effort),
    user: optionalString(request['safety_identifier'], 'safety_identifier') ?? optionalString(request['user'], 'user'),
    stream,
    streamUsage: stream ? true : undefined,
  });
}
