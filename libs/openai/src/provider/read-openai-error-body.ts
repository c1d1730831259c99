import { isRecord } from '../is-record.js';

export interface UpstreamErrorDetails {
  message?: string;
  code?: string;
  param?: string;
}

/**
 * What an upstream error body says, read leniently: the OpenAI shape `{"error":{message,type,param,code}}`,
 * OpenAI-compatible servers' `{"error":"text"}` and bare `{"message":…}`. Anything else (HTML, empty,
 * not JSON) yields no details.
 */
export function readOpenAIErrorBody(body: string): UpstreamErrorDetails {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return {};
  }
  if (!isRecord(value)) return {};
  const inner = value['error'];
  if (isRecord(inner)) {
    return { message: nonEmptyString(inner['message']), code: codeString(inner['code']), param: nonEmptyString(inner['param']) };
  }
  if (typeof inner === 'string') return { message: nonEmptyString(inner) };
  return { message: nonEmptyString(value['message']), code: codeString(value['code']) };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Some compatible servers send numeric codes. */
function codeString(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : nonEmptyString(value);
}
