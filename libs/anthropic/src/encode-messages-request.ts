import type { EncodedRequest, IrRequest, IrThinking, TranslationContext } from '@llm-router/core';
import type { AnthropicMessagesRequest, AnthropicRequestMessage, AnthropicThinkingConfig } from './anthropic-request-types.js';
import { encodeRequestMessages } from './encode-request-messages.js';
import { encodeRequestTools } from './encode-request-tools.js';
import { lastToolTurnLacksThinking } from './last-tool-turn-lacks-thinking.js';
import { refuseUntranslatable } from './refuse-untranslatable.js';
import { resolveMaxTokens } from './resolve-max-tokens.js';
import { createToolIdMap } from './tool-id-map.js';

/** Appended to the system prompt for `response_format: json_object`, which Anthropic has no field for. */
export const JSON_OBJECT_INSTRUCTION = 'Respond with a single JSON object and nothing else.';

/**
 * An IR request as a `POST /v1/messages` body for an Anthropic upstream (docs/protocols.md §5.1–5.5,
 * §5.10). Pure: refusals are RouterError 400s naming the field; lossy-but-harmless changes (clamps,
 * dropped knobs) are sentences in `context.warnings`.
 *
 * - `model` is `context.upstreamModel`; `stream` is always explicit.
 * - `system` is one string (text parts joined with a blank line), left out when empty.
 * - temperature is clamped to [0, 1]; seed and penalties are dropped. With thinking on, Anthropic
 *   refuses temperature ≠ 1, any top_k and top_p < 0.95, so those are dropped too (each with a warning).
 * - json_schema → `output_config.format`; json_object → an instruction appended to the system prompt.
 * - a legacy completion arrives already wrapped as one user message; only a warning says so.
 * - thinking is dropped (with a warning) when the last assistant turn called tools without signed
 *   thinking in front: Anthropic refuses that history with thinking on, and other families' histories
 *   never have it.
 */
export function encodeMessagesRequest(request: IrRequest, context: TranslationContext): EncodedRequest {
  refuseUntranslatable(request);
  const messages = encodeRequestMessages(request.messages, createToolIdMap(toolIdsOf(request)));
  const thinking = effectiveThinking(request.thinking, messages, context);
  const thinkingOn = thinking?.type === 'enabled' || thinking?.type === 'adaptive';

  const body: AnthropicMessagesRequest = {
    model: context.upstreamModel,
    max_tokens: resolveMaxTokens(request.maxTokens, thinking, context),
    messages,
    stream: request.stream,
  };
  const system = systemText(request, context);
  if (system !== '') body.system = system;
  Object.assign(body, encodeRequestTools(request, context));

  const temperature = encodeTemperature(request.temperature, thinkingOn, context);
  if (temperature !== undefined) body.temperature = temperature;
  if (request.topP !== undefined) {
    if (thinkingOn && request.topP < 0.95) context.warnings.push('top_p: anthropic accepts only 0.95–1 with thinking, dropped');
    else body.top_p = request.topP;
  }
  if (request.topK !== undefined) {
    if (thinkingOn) context.warnings.push('top_k: not accepted by anthropic with thinking, dropped');
    else body.top_k = request.topK;
  }
  if (request.stop !== undefined && request.stop.length > 0) body.stop_sequences = request.stop;
  if (request.seed !== undefined) context.warnings.push('seed: not supported by anthropic, dropped');
  if (request.presencePenalty !== undefined) context.warnings.push('presence_penalty: not supported by anthropic, dropped');
  if (request.frequencyPenalty !== undefined) context.warnings.push('frequency_penalty: not supported by anthropic, dropped');
  if (request.responseFormat?.type === 'json_schema') {
    body.output_config = { format: { type: 'json_schema', schema: request.responseFormat.schema } };
  }
  if (thinking !== undefined) body.thinking = encodeThinking(thinking);
  if (request.user !== undefined) body.metadata = { user_id: request.user };
  if (request.completion !== undefined) {
    context.warnings.push('prompt: a legacy completion prompt is sent to anthropic as one chat user message');
  }

  return { path: '/v1/messages', body };
}

/**
 * The thinking config to send: the client's, unless it is on and the ongoing tool loop's assistant turn
 * has no signed thinking to replay, which Anthropic refuses; then thinking is off for this request.
 */
function effectiveThinking(thinking: IrThinking | undefined, messages: AnthropicRequestMessage[], context: TranslationContext): IrThinking | undefined {
  if ((thinking?.type !== 'enabled' && thinking?.type !== 'adaptive') || !lastToolTurnLacksThinking(messages)) return thinking;
  context.warnings.push('thinking: the last assistant tool call has no anthropic-signed thinking to replay, thinking dropped');
  return undefined;
}

function toolIdsOf(request: IrRequest): string[] {
  const ids: string[] = [];
  for (const message of request.messages) {
    for (const part of message.parts) {
      if (part.type === 'tool_call') ids.push(part.id);
      else if (part.type === 'tool_result') ids.push(part.toolCallId);
    }
  }
  return ids;
}

function systemText(request: IrRequest, context: TranslationContext): string {
  const texts = request.system.map((part) => part.text).filter((text) => text.trim() !== '');
  if (request.responseFormat?.type === 'json_object') {
    texts.push(JSON_OBJECT_INSTRUCTION);
    context.warnings.push('response_format: json_object has no anthropic equivalent, asked for JSON in the system prompt');
  }
  return texts.join('\n\n');
}

function encodeTemperature(temperature: number | undefined, thinkingOn: boolean, context: TranslationContext): number | undefined {
  if (temperature === undefined) return undefined;
  if (thinkingOn && temperature !== 1) {
    context.warnings.push('temperature: anthropic accepts only 1 with thinking, dropped');
    return undefined;
  }
  const clamped = Math.min(1, Math.max(0, temperature));
  if (clamped !== temperature) context.warnings.push(`temperature: ${temperature} is outside anthropic's range 0–1, clamped to ${clamped}`);
  return clamped;
}

function encodeThinking(thinking: IrThinking): AnthropicThinkingConfig {
  switch (thinking.type) {
    case 'enabled':
      return { type: 'enabled', budget_tokens: thinking.budgetTokens };
    case 'adaptive':
      return { type: 'adaptive' };
    case 'disabled':
      return { type: 'disabled' };
    default: {
      const unreachable: never = thinking;
      return unreachable;
    }
  }
}
