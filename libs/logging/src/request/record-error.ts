import type { RequestRecord } from './request-record.js';

/**
 * Records what went wrong with a request: `error` gets the message (as before) and `failure` the error
 * itself, so the line also shows its class, code and cause chain (see RequestLog). Either may be
 * overwritten by a later failure of the same request; the last one is logged.
 */
export function recordError(record: RequestRecord, error: unknown): void {
  record.error = error instanceof Error ? error.message : String(error);
  record.failure = error;
}
