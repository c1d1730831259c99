import { asRouterError, RouterError } from '@llm-router/core';
import type { Readable } from 'node:stream';

/**
 * Reads a whole (non-streamed) upstream body. Bounded: an upstream that sends more than `limitBytes`
 * is cut off with a 502 instead of growing the router's memory without end. Always rejects with a
 * RouterError: the one the body failed with (the transport's idle timeout, found on got's wrapped
 * errors), else a bad_gateway (a connection closed right after the headers, a corrupt compressed body):
 * an upstream failure is never a 500.
 *
 * Events rather than `for await`: the async iterator allocates a promise per chunk and is measurably
 * slower on the hot path (tools/bench).
 */
export function readBody(body: Readable, limitBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limitBytes) {
        cleanup();
        body.destroy();
        reject(new RouterError('bad_gateway', `upstream response larger than ${limitBytes} bytes`));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(asRouterError(error, 'upstream body failed'));
    };
    // A body destroyed without an error (the client went away) never ends: settle the read anyway.
    const onClose = () => {
      cleanup();
      reject(closedError(body));
    };
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    if (body.errored !== null || body.destroyed) {
      reject(closedError(body));
      return;
    }
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}

function closedError(body: Readable): RouterError {
  return body.errored === null ? new RouterError('bad_gateway', 'upstream body closed before its end', { retryable: false }) : asRouterError(body.errored, 'upstream body failed');
}
