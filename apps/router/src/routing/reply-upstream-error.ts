import type { RouterError, UpstreamResponse } from '@llm-router/core';
import { recordError, type RequestRecord, type SecretRedactor } from '@llm-router/logging';
import type { FastifyReply } from 'fastify';
import { clientResponseHeaders } from './client-response-headers.js';
import { credentialsRefusedError } from './credentials-refused-error.js';
import { readBody } from './read-body.js';
import type { RoutingContext } from './routing-context.js';
import { MAX_UPSTREAM_BODY_BYTES } from './upstream-body-limit.js';
import { AttemptFailure } from '../fallback/attempt-failure.js';

/**
 * An upstream error before anything was sent. When the upstream refused the router's configured key
 * (401/403), the status and the provider's message are kept, rendered in the client's format, and the
 * message says it was the router's credentials (credentialsRefusedError). Same format otherwise: the body
 * is already in the client's format, so status and body are kept (redacted). Translated: the error is
 * classified and rendered in the client's format (status kept). A routed request's last failed attempt
 * (AttemptFailure) comes with its error response read and classified already, or without one (its error is
 * thrown).
 */
export async function replyUpstreamError(
  upstream: UpstreamResponse | AttemptFailure,
  { route, clientModel }: RoutingContext,
  reply: FastifyReply,
  record: RequestRecord | undefined,
  sameFormat: boolean,
  redactor: SecretRedactor,
): Promise<void> {
  const { response, known } = upstreamErrorOf(upstream);
  const raw = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
  const error = known ?? route.adapter.classifyError(response.status, raw, response.headers);
  if ((response.status === 401 || response.status === 403) && route.model.apiKey !== undefined) {
    throw credentialsRefusedError(error, route.adapter.provider, clientModel);
  }
  if (!sameFormat || !isJsonObject(raw)) throw error;
  if (record) recordError(record, error);
  await reply.code(response.status).headers(clientResponseHeaders(response.headers, route.model.actualModelName, { redactor, alreadySet: reply.raw.getHeaderNames() })).send(redactor.redact(raw));
}

function upstreamErrorOf(upstream: UpstreamResponse | AttemptFailure): { response: UpstreamResponse; known?: RouterError } {
  if (!(upstream instanceof AttemptFailure)) return { response: upstream };
  if (upstream.response === undefined) throw upstream.error;
  return { response: upstream.response, known: upstream.error };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
