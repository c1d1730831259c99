import type { RouterError } from '@llm-router/core';
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { codecFor } from '../routing/client-codecs.js';
import { clientFormatOf } from './client-format-of.js';

/**
 * A complete HTTP/1.1 response carrying `error` in the client's format, for a socket Node's HTTP parser
 * gave up on (no request object, no Fastify reply): status line, the codec's headers, Content-Length,
 * `Connection: close`, the JSON body.
 */
export function rawErrorResponse(error: RouterError, url: string, headers: IncomingHttpHeaders): string {
  const rendered = codecFor(clientFormatOf(url, headers)).renderError(error, '');
  const lines = [`HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? 'Error'}`];
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (name === 'request-id' && value === '') continue;
    lines.push(`${name}: ${value}`);
  }
  lines.push(`content-length: ${Buffer.byteLength(rendered.body)}`, 'connection: close', '', rendered.body);
  return lines.join('\r\n');
}
