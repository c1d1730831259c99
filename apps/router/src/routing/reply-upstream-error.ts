import type { UpstreamResponse } from '@llm-router/core';
import { recordError, type RequestRecord, type SecretRedactor } from '@llm-router/logging';
import type { FastifyReply } from 'fastify';
import { clientResponseHeaders } from './client-response-headers.js';
import { credentialsRefusedError } from './credentials-refused-error.js';
import { readBody } from './read-body.js';
import type { RoutingContext } from './routing-context.js';
import { MAX_UPSTREAM_BODY_BYTES } from './upstream-body-limit.js';

/**
 * An upstream error before anything was sent. When the upstream refused the router's configured key
 * (401/403), the status and the provider's message are kept, rendered in the client's format, and the
 * message says it was the router's credentials (credentialsRefusedError). Same format otherwise: the body
 * is already in the client's format, so status and body are kept (redacted). Translated: the error is
 * classified and rendered in the client's format (status kept).
 */
export async function replyUpstreamError(
  response: UpstreamResponse,
  { route, clientModel }: RoutingContext,
  reply: FastifyReply,
  record: RequestRecord | undefined,
  sameFormat: boolean,
  redactor: SecretRedactor,
): Promise<void> {
  const raw = (await readBody(response.body, MAX_UPSTREAM_BODY_BYTES)).toString('utf8');
  const error = route.adapter.classifyError(response.status, raw, response.headers);
  if ((response.status === 401 || response.status === 403) && route.model.apiKey !== undefined) {
    throw credentialsRefusedError(error, route.adapter.provider, clientModel);
  }
  if (!sameFormat || !isJsonObject(raw)) throw error;
  if (record) recordError(record, error);
  await reply.code(response.status).headers(clientResponseHeaders(response.headers, route.model.actualModelName, { redactor, alreadySet: reply.raw.getHeaderNames() })).send(redactor.redact(raw));
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
