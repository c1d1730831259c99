import { asRouterError, RouterError, SseParser, type ClientCodec } from '@llm-router/core';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

export interface PassthroughStreamOptions {
  upstream: Readable;
  response: ServerResponse;
  codec: ClientCodec;
  /** The model name the client asked for; replaces the upstream's in the frames that carry one. */
  clientModel: string;
  /** Called with each piece of text sent to the client (response logging); absent = not kept. */
  onText?: (text: string) => void;
  /** Called once, when the stream is over for any reason. */
  onDone: (outcome: { error?: RouterError; aborted: boolean }) => void;
}

/**
 * Forwards an upstream SSE stream in the client's own format, frame by frame, as it arrives: complete
 * frames are written at once (only a frame cut between two TCP chunks waits for its rest), with the
 * model name swapped. Backpressure from a slow client pauses the upstream.
 *
 * Endings: the upstream's terminal frame, or its own in-band error frame, ends the stream; an upstream failure, idle timeout or an end
 * without a terminal frame becomes the format's in-band error frame, never a silent truncation and
 * never a fake success. A client that goes away destroys the upstream at once.
 */
export function pumpPassthroughStream(options: PassthroughStreamOptions): void {
  const { upstream, response, codec, clientModel, onText } = options;
  const parser = new SseParser();
  let terminal = false;
  let upstreamError: string | undefined;
  let done = false;

  const finish = (outcome: { error?: RouterError; aborted: boolean }) => {
    if (done) return;
    done = true;
    options.onDone(outcome);
  };
  const failInBand = (error: RouterError) => {
    if (!response.writableEnded && !response.destroyed) {
      const frame = codec.streamErrorFrame(error);
      onText?.(frame);
      response.end(frame);
    }
    finish({ error, aborted: false });
  };

  // The body may have failed between the response headers and now (no listener of ours saw it).
  if (upstream.errored !== null || upstream.destroyed) {
    failInBand(upstream.errored !== null ? asRouterError(upstream.errored, 'upstream stream failed') : new RouterError('bad_gateway', 'upstream stream closed before it started'));
    return;
  }

  upstream.on('data', (chunk: Buffer) => {
    if (terminal) return;
    let out = '';
    for (const frame of parser.push(chunk)) {
      out += codec.passthroughFrame(frame, clientModel);
      if (codec.isErrorFrame(frame)) {
        // The upstream failed in-band itself: forward its frame as the stream's last word.
        upstreamError = frame.data;
        terminal = true;
        break;
      }
      if (codec.isTerminalFrame(frame)) {
        terminal = true;
        break;
      }
    }
    if (out === '') return;
    onText?.(out);
    if (!response.write(out)) {
      upstream.pause();
      response.once('drain', () => upstream.resume());
    }
  });
  upstream.on('end', () => {
    if (!terminal) {
      failInBand(new RouterError('bad_gateway', 'upstream stream ended before its final event'));
      return;
    }
    response.end();
    finish(upstreamError === undefined ? { aborted: false } : { aborted: false, error: new RouterError('bad_gateway', `upstream failed mid-stream: ${upstreamError}`) });
  });
  upstream.on('error', (error: unknown) => {
    if (response.destroyed) return; // the client left first; 'close' below reports it
    failInBand(asRouterError(error, 'upstream stream failed'));
  });
  response.on('close', () => {
    if (response.writableFinished) return;
    upstream.destroy();
    finish({ aborted: true });
  });
}
