import type { IrRequest, IrStopReason, IrUsage } from '@llm-router/core';
import { responsesEcho } from './responses-echo.js';
import type { ResponsesObject, ResponsesOutputItem, ResponsesStatus, ResponsesUsage } from './responses-wire.js';

/** IR usage as Responses usage (§8.2): input tokens include cached ones, as in IR; details always present. */
export function encodeResponsesUsage(usage: IrUsage): ResponsesUsage {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens ?? 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/**
 * How an answer ended, in Responses terms: the token limit is `incomplete` with reason `max_output_tokens`,
 * a content filter (Anthropic `refusal`) `incomplete` with `content_filter`, everything else `completed`.
 */
export function responsesEnding(stopReason: IrStopReason): Pick<ResponsesObject, 'status' | 'incomplete_details'> {
  if (stopReason === 'max_tokens') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (stopReason === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

export interface ResponsesObjectFields {
  id: string;
  createdAt: number;
  model: string;
  status: ResponsesStatus;
  output: ResponsesOutputItem[];
  usage: ResponsesUsage | null;
  incompleteDetails?: ResponsesObject['incomplete_details'];
  error?: ResponsesObject['error'];
  request: IrRequest | undefined;
}

/** The `response` object (§8.2), in the key order the real API writes. */
export function responsesObject(fields: ResponsesObjectFields): ResponsesObject {
  const echo = responsesEcho(fields.request);
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteDetails ?? null,
    model: fields.model,
    output: fields.output,
    usage: fields.usage,
    ...echo,
  };
}
