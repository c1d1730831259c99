import type { IrStopReason } from '@llm-router/core';
import { isRecord } from '../../is-record.js';

/** Why a response ended, from its `status` and `incomplete_details.reason` (§8.2); `raw` keeps an unknown value. */
export interface ResponsesStop {
  reason: IrStopReason;
  raw?: string;
}

/**
 * `completed` is a natural end (`tool_use` when the answer calls a tool); `incomplete` with
 * `max_output_tokens` is a length stop, with `content_filter` a filtered one; any other incomplete
 * reason is `other` with the raw value kept.
 */
export function decodeResponsesStop(response: Record<string, unknown>, sawToolCall: boolean): ResponsesStop {
  if (response['status'] === 'incomplete') {
    const details = isRecord(response['incomplete_details']) ? response['incomplete_details'] : {};
    const reason = typeof details['reason'] === 'string' ? details['reason'] : 'incomplete';
    if (reason === 'max_output_tokens') return { reason: 'max_tokens' };
    if (reason === 'content_filter') return { reason: 'content_filter' };
    return { reason: 'other', raw: reason };
  }
  return { reason: sawToolCall ? 'tool_use' : 'end_turn' };
}
