import { randomUUID } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a request: the client's `x-request-id` when it is a sane token (at most 128 characters
 * of `[A-Za-z0-9._:-]`, so it can go into logs and headers unescaped), else a new `req_<32 hex>`.
 */
export function resolveRequestId(incoming: string | string[] | undefined): string {
  if (typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming)) return incoming;
  return `req_${randomUUID().replaceAll('-', '')}`;
}
