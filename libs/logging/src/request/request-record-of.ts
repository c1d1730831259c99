import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { RequestRecord } from './request-record.js';

const RECORDS = new WeakMap<object, RequestRecord>();

/** Stores a request's record, reachable from the Fastify request and from its Node request. */
export function attachRequestRecord(request: FastifyRequest, record: RequestRecord): void {
  RECORDS.set(request, record);
  RECORDS.set(request.raw, record);
}

/**
 * The log record of a request seen by `RequestLog.begin` (from the Fastify request, as Nest's
 * `@Req()` gives it, or from its Node `IncomingMessage`); undefined for any other.
 */
export function requestRecordOf(request: FastifyRequest | IncomingMessage): RequestRecord | undefined {
  return RECORDS.get(request);
}
