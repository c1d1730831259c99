import { asRouterError, type RouterError } from '@llm-router/core';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { StreamTranslator } from './stream-translator.js';

export interface PumpStreamOptions {
  upstream: Readable;
  response: ServerResponse;
  translator: StreamTranslator;
  /** Called with each piece of text sent to the client (TTFB, response logging). */
  onText?: (text: string) => void;
  /** Called once, when the stream is over for any reason. */
  onDone: (outcome: { error?: RouterError; aborted: boolean }) => void;
}

/**
 * Forwards an upstream stream to the client as it arrives, through `translator`: whatever a chunk
 * completes is written at once (no buffering beyond a frame or line cut between two TCP chunks).
 * Backpressure from a slow client pauses the upstream.
 *
 * Endings: the translator says when the stream is over (a success ending, or an in-band error); an
 * upstream failure, idle timeout or early end becomes the format's in-band error frame, never a silent
 * truncation and never a fake success. A client that goes away destroys the upstream at once.
 */
export function pumpStream(options: PumpStreamOptions): void {
  const { upstream, response, translator, onText } = options;
  let ended = false;
  let done = false;

  const finish = (outcome: { error?: RouterError; aborted: boolean }) => {
    if (done) return;
    done = true;
    options.onDone(outcome);
  };
  const write = (text: string): boolean => {
    if (text === '') return true;
    onText?.(text);
    return response.write(text);
  };
  const close = (error?: RouterError) => {
    if (!response.writableEnded && !response.destroyed) response.end();
    finish({ error, aborted: false });
  };
  const failInBand = (error: RouterError) => {
    if (!response.writableEnded && !response.destroyed) write(translator.fail(error));
    close(error);
  };

  // The body may have failed between the response headers and now (no listener of ours saw it).
  if (upstream.errored !== null || upstream.destroyed) {
    failInBand(asRouterError(upstream.errored ?? new Error('upstream stream closed before it started'), 'upstream stream failed'));
    return;
  }

  upstream.on('data', (chunk: Buffer) => {
    if (ended) return;
    const out = translator.push(chunk);
    const flowing = write(out.text);
    if (out.ended) {
      // Answer the client now; the rest of the upstream body is drained, not destroyed, so its
      // keep-alive connection goes back to the pool.
      ended = true;
      close(out.error);
      return;
    }
    if (!flowing) {
      upstream.pause();
      response.once('drain', () => upstream.resume());
    }
  });
  upstream.on('end', () => {
    if (ended) return;
    ended = true;
    const out = translator.end();
    write(out.text);
    close(out.error);
  });
  upstream.on('error', (error: unknown) => {
    if (ended || response.destroyed) return; // finished already, or the client left first ('close' reports it)
    ended = true;
    failInBand(asRouterError(error, 'upstream stream failed'));
  });
  response.on('close', () => {
    if (response.writableFinished) return;
    upstream.destroy();
    finish({ aborted: true });
  });
}
