import { type IrResponse, RouterError, type TranslationContext } from '@llm-router/core';
import { isRecord } from '../../is-record.js';
import { decodeResponsesOutput } from './decode-responses-output.js';
import { decodeResponsesStop } from './decode-responses-stop.js';
import { decodeResponsesUsage } from './decode-responses-usage.js';
import { responsesFailure } from './responses-failure.js';

/**
 * `UpstreamCodec.decodeResponse` for the Responses API: a `response` object (§8.2) as an IR response.
 * Parts from `output` (see `decodeResponsesOutput`); the stop from `status` and `incomplete_details`
 * (`decodeResponsesStop`); usage with cached and reasoning tokens, or the prompt estimate with a
 * warning when the upstream sent none. A `failed` response, or a body holding `error`, is that error
 * (see `responsesFailure`); a body that is no response object is a `bad_gateway`. A missing `id` is
 * `resp_<newId>`, a missing `created_at` 0.
 */
export function decodeResponsesResponse(body: unknown, context: TranslationContext): IrResponse {
  if (isRecord(body) && (body['status'] === 'failed' || (isRecord(body['error']) && body['object'] !== 'response'))) throw responsesFailure(body);
  if (!isRecord(body) || (body['object'] !== undefined && body['object'] !== 'response') || !Array.isArray(body['output'])) {
    throw new RouterError('bad_gateway', 'openai: upstream answer is not a Responses API response', { provider: 'openai' });
  }
  const parts = decodeResponsesOutput(body['output'], context);
  const stop = decodeResponsesStop(body, parts.some((part) => part.type === 'tool_call'));
  let usage = decodeResponsesUsage(body['usage']);
  if (usage === undefined) {
    context.warnings.push('usage: the upstream reported none, input tokens estimated');
    usage = { inputTokens: context.estimatedInputTokens, outputTokens: 0 };
  }
  const response: IrResponse = {
    id: typeof body['id'] === 'string' && body['id'] !== '' ? body['id'] : `resp_${context.newId()}`,
    model: typeof body['model'] === 'string' && body['model'] !== '' ? body['model'] : context.upstreamModel,
    parts,
    stopReason: stop.reason,
    usage,
    created: typeof body['created_at'] === 'number' ? body['created_at'] : 0,
  };
  if (stop.raw !== undefined) response.rawStopReason = stop.raw;
  return response;
}
