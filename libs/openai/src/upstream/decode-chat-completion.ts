import { type IrPart, type IrResponse, RouterError, type TranslationContext } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { decodeFinishReason, settleStopReason } from './decode-finish-reason.js';
import { decodeOpenAIUsage } from './decode-openai-usage.js';
import { parseUpstreamArguments } from './parse-upstream-arguments.js';
import { upstreamError } from './upstream-error.js';

/**
 * `UpstreamCodec.decodeResponse` for chat: a `chat.completion` (§1.4) as an IR response. Choice 0 only
 * (the IR holds one answer; more choices are dropped with a warning). Its parts, in order: the
 * non-standard `reasoning_content`/`reasoning` (DeepSeek, vLLM, Ollama's shim) as thinking without a
 * signature, the text (a `refusal` too), then the tool calls (arguments parsed; see
 * `parseUpstreamArguments`; a call without an id gets `call_<newId>`). The stop reason follows §5.6
 * with the tool overrides. Usage is the upstream's; an upstream that sent none gets the prompt estimate
 * and 0 output, with a warning.
 *
 * `model` is the upstream's name: the caller shows the client the name it asked for. A missing `id` is
 * `chatcmpl-<newId>`, a missing `created` 0 (a decoder does not read the clock). A body holding an
 * `error` is that error; any other body that is not a chat completion is a `bad_gateway`.
 */
export function decodeChatCompletion(body: unknown, context: TranslationContext): IrResponse {
  if (isRecord(body) && body['error'] !== undefined && body['error'] !== null) throw upstreamError(body);
  const choices = isRecord(body) ? body['choices'] : undefined;
  if (!isRecord(body) || (body['object'] !== undefined && body['object'] !== 'chat.completion') || !Array.isArray(choices)) {
    throw new RouterError('bad_gateway', 'openai: upstream answer is not a chat.completion', { provider: 'openai' });
  }
  const choice: unknown = choices.find((item) => isRecord(item) && item['index'] === 0) ?? choices[0];
  if (!isRecord(choice) || !isRecord(choice['message'])) {
    throw new RouterError('bad_gateway', 'openai: upstream chat.completion has no choice', { provider: 'openai' });
  }
  if (choices.length > 1) context.warnings.push(`n: the upstream returned ${choices.length} choices, only the first is passed on`);

  const message = choice['message'];
  const parts: IrPart[] = [];
  const reasoning = text(message['reasoning_content']) ?? text(message['reasoning']);
  if (reasoning !== undefined) parts.push({ type: 'thinking', text: reasoning });
  const content = text(message['content']) ?? text(message['refusal']);
  if (content !== undefined) parts.push({ type: 'text', text: content });
  const calls = Array.isArray(message['tool_calls']) ? message['tool_calls'] : [];
  calls.forEach((call: unknown, k) => {
    if (!isRecord(call) || !isRecord(call['function'])) return;
    const fn = call['function'];
    parts.push({
      type: 'tool_call',
      id: text(call['id']) ?? `call_${context.newId()}`,
      name: typeof fn['name'] === 'string' ? fn['name'] : '',
      arguments: parseUpstreamArguments(typeof fn['arguments'] === 'string' ? fn['arguments'] : '', context.warnings, `tool_calls[${k}]`),
    });
  });

  const rawReason = typeof choice['finish_reason'] === 'string' ? choice['finish_reason'] : undefined;
  const reason = decodeFinishReason(rawReason);
  let usage = decodeOpenAIUsage(body['usage']);
  if (usage === undefined) {
    context.warnings.push('usage: the upstream reported none, input tokens estimated');
    usage = { inputTokens: context.estimatedInputTokens, outputTokens: 0 };
  }
  const response: IrResponse = {
    id: text(body['id']) ?? `chatcmpl-${context.newId()}`,
    model: text(body['model']) ?? context.upstreamModel,
    parts,
    stopReason: settleStopReason(reason, parts.some((part) => part.type === 'tool_call')),
    usage,
    created: typeof body['created'] === 'number' ? body['created'] : 0,
  };
  if (reason === 'other' && rawReason !== undefined) response.rawStopReason = rawReason;
  return response;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
