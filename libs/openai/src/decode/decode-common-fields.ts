import type { IrRequest } from '@llm-router/core';
import { decodeStop } from './decode-stop.js';
import { optionalBoolean, optionalInteger, optionalNumber, optionalRecord, optionalString } from './field-readers.js';

export type CommonFields = Pick<
  IrRequest,
  'temperature' | 'topP' | 'stop' | 'seed' | 'presencePenalty' | 'frequencyPenalty' | 'user' | 'n' | 'stream' | 'streamUsage'
>;

/**
 * The fields chat and legacy completions share (§1.2, §2). `n: 1` is the default and is left out, so only
 * a request that really wants several choices reaches an upstream encoder as `n`. `streamUsage` is set
 * for streams only. The user id is `safety_identifier` (its successor) or else `user`.
 */
export function decodeCommonFields(body: Record<string, unknown>): CommonFields {
  const stream = optionalBoolean(body['stream'], 'stream') === true;
  const streamOptions = optionalRecord(body['stream_options'], 'stream_options');
  const n = optionalInteger(body['n'], 'n');
  return {
    temperature: optionalNumber(body['temperature'], 'temperature'),
    topP: optionalNumber(body['top_p'], 'top_p'),
    stop: decodeStop(body['stop']),
    seed: optionalInteger(body['seed'], 'seed'),
    presencePenalty: optionalNumber(body['presence_penalty'], 'presence_penalty'),
    frequencyPenalty: optionalNumber(body['frequency_penalty'], 'frequency_penalty'),
    user: optionalString(body['safety_identifier'], 'safety_identifier') ?? optionalString(body['user'], 'user'),
    n: n === 1 ? undefined : n,
    stream,
    streamUsage: stream ? optionalBoolean(streamOptions?.['include_usage'], 'stream_options.include_usage') === true : undefined,
  };
}
