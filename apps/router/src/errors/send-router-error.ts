import { RouterError } from '@llm-router/core';
import { recordError, requestRecordOf, SecretRedactor } from '@llm-router/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientFormatOf } from '../http-edge/client-format-of.js';
import { errorForClient, upstreamFailureForClient } from '../redaction/client-safe-error.js';
import { safeHeaders } from '../redaction/safe-header-value.js';
import { codecFor } from '../routing/client-codecs.js';
import { findRoutingContext, routingContextFormat } from '../routing/routing-context.js';

/**
 * Answers with `error` in the client's own format: the format of the matched route, else the one the
 * path implies. Before the first byte: status, headers and error body. After it (a stream already
 * started): the format's in-band error frame, then the end of the stream.
 *
 * This is the edge where errors leave for the client: the log keeps `error.message` (and its class, code
 * and causes); the client gets `error.clientMessage` when there is one (no internal addresses), with
 * every configured secret redacted (an upstream's error message may quote the key it was sent) and header values sanitized.
 */
export function sendRouterError(request: FastifyRequest, reply: FastifyReply, error: RouterError, redactor: SecretRedactor = SecretRedactor.NONE): void {
  const codec = codecFor(routingContextFormat(request) ?? clientFormatOf(request.url, request.headers));
  const record = requestRecordOf(request);
  if (record) recordError(record, error);
  const context = findRoutingContext(request);
  const safe = context === undefined ? error : upstreamFailureForClient(error, context.route.adapter.provider, context.clientModel);
  const shown = errorForClient(safe instanceof RouterError ? safe : error);
  if (reply.raw.headersSent) {
    if (!reply.raw.writableEnded) reply.raw.end(redactor.redact(codec.streamErrorFrame(shown)));
    return;
  }
  const rendered = codec.renderError(shown, record?.id ?? '');
  void reply
    .code(rendered.status)
    .headers(safeHeaders(redactor.redactHeaders(rendered.headers)))
    .send(redactor.redact(rendered.body));
}
