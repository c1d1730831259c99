import { RouterError } from '@llm-router/core';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { rawErrorResponse } from './raw-error-response.js';
import { requestLineOf } from './request-line-of.js';

/** The request a socket is serving right now, recorded by an onRequest hook: its format and whether its answer started. */
export interface InFlightRequest {
  url: string;
  headers: IncomingHttpHeaders;
  response: ServerResponse;
}

/** An error Node's HTTP server reports on a connection (`clientError`), with the fields Node adds. */
export interface ClientErrorLike extends Error {
  code?: string;
  /** The bytes Node was parsing: a Buffer at runtime (Fastify's types say otherwise). */
  rawPacket?: unknown;
}

/** How long a peer gets to read the error answer before the socket is destroyed. */
const LINGER_MS = 1000;

/** The router's answer for each parser or timeout error, in the client's format. */
export function routerErrorForClientError(error: ClientErrorLike, requestTimeoutMs: number): RouterError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RouterError('invalid_request', `The request was not received within ${requestTimeoutMs / 1000} s (server.request_timeout).`, {
        status: 408,
        code: 'request_timeout',
      });
    case 'HPE_HEADER_OVERFLOW':
      return new RouterError('invalid_request', 'The request headers are larger than the router accepts.', { status: 431, code: 'headers_too_large' });
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return RouterError.invalidRequest('The request has an invalid Content-Length header.');
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return RouterError.invalidRequest('The request has an invalid Transfer-Encoding header.');
    default:
      return RouterError.invalidRequest('The request is not valid HTTP/1.1.');
  }
}

/**
 * The Node server's `clientError` listener (Fastify's `clientErrorHandler`): errors on a connection
 * before, or outside of, any reply Fastify could send: a malformed request line or Content-Length,
 * headers over Node's limit, a request not received within `request_timeout`. Writes a raw HTTP/1.1
 * answer with a JSON body in the client's format, unless the socket is gone or an answer already
 * started on it (then it only closes the socket), and closes the connection.
 */
export function createClientErrorHandler(inFlight: WeakMap<Socket, InFlightRequest>, requestTimeoutMs: number): (error: ClientErrorLike, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const current = inFlight.get(socket);
    const answerStarted = current !== undefined && !current.response.writableEnded && current.response.headersSent;
    if (socket.writable && !answerStarted) {
      const request = current !== undefined && !current.response.writableEnded ? current : requestLineOf(error.rawPacket);
      socket.end(rawErrorResponse(routerErrorForClientError(error, requestTimeoutMs), request.url, request.headers));
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    } else {
      socket.destroy();
    }
  };
}
