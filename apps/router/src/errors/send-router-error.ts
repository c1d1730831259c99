import type { RouterError } from '@llm-router/core';
import { requestRecordOf } from '@llm-router/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientFormatOf } from '../http-edge/client-format-of.js';
import { codecFor } from '../routing/client-codecs.js';
import { routingContextFormat } from '../routing/routing-context.js';

/**
 * Answers with `error` in the client's own format: the format of the matched route, else the one the
 * path implies. Before the first byte: status, headers and error body. After it (a stream already
 * started): the format's in-band error frame, then the end of the stream.
 */
export function sendRouterError(request: FastifyRequest, reply: FastifyReply, error: RouterError): void {
  const codec = codecFor(routingContextFormat(request) ?? clientFormatOf(request.url, request.headers));
  const record = requestRecordOf(request);
  if (record) record.error = error.message;
  if (reply.raw.headersSent) {
    if (!reply.raw.writableEnded) reply.raw.end(codec.streamErrorFrame(error));
    return;
  }
  const rendered = codec.renderError(error, record?.id ?? '');
  void reply.code(rendered.status).headers(rendered.headers).send(rendered.body);
}
