import { asRouterError, RouterError } from '@llm-router/core';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { StreamTranslator, TranslatedChunk } from './stream-translator.js';

export interface PumpStreamOptions {
  upstream: Readable;
  response: ServerResponse;
  translator: StreamTranslator;
  /**
   * How long the upstream may go without sending content (bytes the translator turns into client
   * output) before the stream ends with an in-band timeout error. Keep-alive comments, pings and
   * partial frames are not content. Undefined: no content timer (the transport's byte timer still runs).
   */
  idleTimeoutMs?: number;
  /** Called with each piece of text sent to the client (TTFB, response logging). */
  onText?: (text: string) => void;
  /** Called once, when the stream is over for any reason. */
  onDone: (outcome: { error?: RouterError; aborted: boolean }) => void;
  /**
   * What the caller already read and translated (a routed stream's held-back opening frames and first
   * content): written first; when it ended the stream, the upstream is not read at all.
   */
  prefix?: TranslatedChunk;
}

/**
 * Forwards an upstream stream to the client as it arrives, through `translator`: whatever a chunk
 * completes is written at once (no buffering beyond a frame or line cut between two TCP chunks).
 * Backpressure from a slow client pauses the upstream (and the idle timer: a slow client is not an idle
 * upstream).
 *
 * Endings: the translator says when the stream is over (a success ending, or an in-band error); an
 * upstream failure, idle timeout or early end becomes the format's in-band error frame, never a silent
 * truncation and never a fake success. A client that goes away destroys the upstream at once.
 *
 * Faults: nothing thrown here reaches the event loop. A translator that throws (an oversized frame from
 * the parser, a bug) ends the stream with an in-band error carrying what happened, the upstream is
 * destroyed (its state is unknown: it is not drained back to the pool), and `onDone` reports the error.
 */
export function pumpStream(options: PumpStreamOptions): void {
  const { upstream, response, translator, onText, idleTimeoutMs } = options;
  let ended = false;
  let done = false;
  let idleTimer: NodeJS.Timeout | undefined;
  /** When content last reached the client. Content only stamps it; the timer reschedules itself from it. */
  let lastContent = 0;

  const stopIdle = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  // One timer per stream, not one per chunk: a chunk of content costs a clock read, and the timer, when it
  // fires early (content came meanwhile), waits out the rest of the window from the last content.
  const onIdleTimer = () => {
    idleTimer = undefined;
    guarded(() => {
      if (ended || idleTimeoutMs === undefined) return;
      const quiet = performance.now() - lastContent;
      if (quiet < idleTimeoutMs) {
        idleTimer = setTimeout(onIdleTimer, idleTimeoutMs - quiet);
        return;
      }
      ended = true;
      upstream.destroy();
      failInBand(new RouterError('timeout', `upstream sent no content for ${idleTimeoutMs / 1000}s (stream idle timeout)`, { retryable: false }));
    });
  };
  const armIdle = () => {
    if (idleTimeoutMs === undefined || ended) return;
    lastContent = performance.now();
    idleTimer ??= setTimeout(onIdleTimer, idleTimeoutMs);
  };
  const finish = (outcome: { error?: RouterError; aborted: boolean }) => {
    stopIdle();
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
    let frame = '';
    try {
      frame = translator.fail(error);
    } catch {
      // No frame then: the stream still ends, and onDone still reports the error.
    }
    if (!response.writableEnded && !response.destroyed) write(frame);
    close(error);
  };
  /** Runs a callback of ours; a throw becomes the stream's in-band error and the upstream is destroyed. */
  const guarded = (run: () => void) => {
    try {
      run();
    } catch (thrown) {
      ended = true;
      upstream.destroy();
      const error = thrown instanceof RouterError ? thrown : asRouterError(thrown, 'router failed to translate the upstream stream');
      try {
        failInBand(error);
      } catch {
        if (!response.destroyed) response.destroy();
        finish({ error, aborted: false });
      }
    }
  };
  const forward = (out: TranslatedChunk): boolean => {
    if (out.text !== '') armIdle();
    return write(out.text);
  };

  const { prefix } = options;
  if (prefix !== undefined) {
    guarded(() => {
      forward(prefix);
      if (!prefix.ended) return;
      ended = true;
      close(prefix.error);
    });
    if (ended) {
      // Whatever follows the end is read and dropped, as after an end seen here: a body left paused never
      // ends, so the transport would keep its timer and the connection until the idle timeout fired (with
      // every object of the request reachable from it), and the socket would not go back to the pool.
      drainRest(upstream);
      return;
    }
  }

  // The body may have failed between the response headers and now (no listener of ours saw it).
  if (upstream.errored !== null || upstream.destroyed) {
    guarded(() => failInBand(asRouterError(upstream.errored ?? new Error('upstream stream closed before it started'), 'upstream stream failed')));
    return;
  }

  upstream.on('data', (chunk: Buffer) =>
    guarded(() => {
      if (ended) return;
      const out = translator.push(chunk);
      const flowing = forward(out);
      if (out.ended) {
        // Answer the client now; the rest of the upstream body is drained, not destroyed, so its
        // keep-alive connection goes back to the pool.
        ended = true;
        close(out.error);
        return;
      }
      if (!flowing) {
        upstream.pause();
        stopIdle();
        response.once('drain', () =>
          guarded(() => {
            armIdle();
            upstream.resume();
          }),
        );
      }
    }),
  );
  upstream.on('end', () =>
    guarded(() => {
      if (ended) return;
      ended = true;
      const out = translator.end();
      write(out.text);
      close(out.error);
    }),
  );
  upstream.on('error', (error: unknown) =>
    guarded(() => {
      if (ended || response.destroyed) return; // finished already, or the client left first ('close' reports it)
      ended = true;
      failInBand(asRouterError(error, 'upstream stream failed'));
    }),
  );
  response.on('close', () =>
    guarded(() => {
      if (response.writableFinished) return;
      upstream.destroy();
      finish({ aborted: true });
    }),
  );
  armIdle();
  // The caller paused it when it handed the stream over; a 'data' listener does not undo an explicit pause.
  if (prefix !== undefined) {
    if (response.writableNeedDrain) response.once('drain', () => guarded(() => upstream.resume()));
    else upstream.resume();
  }
}

/** Reads `upstream` to its end and drops the bytes (a failure then is nobody's: the client has its answer). */
function drainRest(upstream: Readable): void {
  if (upstream.destroyed) return;
  upstream.on('error', () => undefined);
  upstream.resume();
}
