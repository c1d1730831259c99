import { asRouterError, type ClientFormat, RouterError } from '@llm-router/core';
import type { Readable } from 'node:stream';
import type { StreamTranslator, TranslatedChunk } from '../routing/stream-translator.js';
import { AttemptFailure } from './attempt-failure.js';
import { clientTextHasContent } from './client-content.js';

export interface HoldOptions {
  format: ClientFormat;
  /** From the response headers to the first content; then the attempt fails over (`first_token_timeout`). */
  firstTokenTimeoutMs?: number;
  /** Used instead when no first_token_timeout is configured (outcome `timeout`): the stream idle timeout. */
  idleTimeoutMs?: number;
  /** The client left: resolves `undefined` and destroys the upstream. */
  signal: AbortSignal;
  /** Held text beyond this many characters (frames without content) is handed over as it is: the hold-back is bounded. */
  maxHeldChars?: number;
}

/**
 * The stream contract's hold-back: reads a routed stream through `translator` without writing anything,
 * until the client-format text carries its first content (or the stream ended cleanly without any, e.g. an
 * empty answer). Resolves with everything translated so far (the opening frames and the first content) for
 * the pump to write first; the upstream is left paused for the pump to resume. Throws an AttemptFailure when
 * the stream fails before any content (an in-band error, a cut or a truncated end: `stream_error`; silence:
 * `first_token_timeout`, or `timeout` on the idle timeout): the next attempt may then still be sent.
 */
export function holdUntilContent(upstream: Readable, translator: StreamTranslator, options: HoldOptions): Promise<TranslatedChunk | undefined> {
  const { format, firstTokenTimeoutMs, idleTimeoutMs, signal } = options;
  const maxHeldChars = options.maxHeldChars ?? Number.POSITIVE_INFINITY;
  return new Promise<TranslatedChunk | undefined>((resolve, reject) => {
    let text = '';
    let settled = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    const limitMs = firstTokenTimeoutMs ?? idleTimeoutMs;
    const cleanup = () => {
      if (timer !== undefined) clearTimeout(timer);
      upstream.off('data', onData);
      upstream.off('end', onEnd);
      upstream.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const hand = (chunk: TranslatedChunk) => {
      if (settled) return;
      settled = true;
      cleanup();
      upstream.pause();
      resolve(chunk);
    };
    const fail = (kind: 'stream_error' | 'first_token_timeout' | 'timeout', error: RouterError) => {
      if (settled) return;
      settled = true;
      cleanup();
      upstream.destroy();
      reject(AttemptFailure.stream(kind, error));
    };
    const take = (out: TranslatedChunk, atEnd: boolean) => {
      text += out.text;
      if (out.error !== undefined) fail('stream_error', out.error);
      else if (out.ended || atEnd || text.length > maxHeldChars || clientTextHasContent(format, out.text)) hand({ text, ended: out.ended || atEnd });
    };
    const onData = (chunk: Buffer) => {
      try {
        take(translator.push(chunk), false);
      } catch (error) {
        fail('stream_error', asRouterError(error, 'router failed to translate the upstream stream'));
      }
    };
    const onEnd = () => {
      try {
        take(translator.end(), true);
      } catch (error) {
        fail('stream_error', asRouterError(error, 'router failed to translate the upstream stream'));
      }
    };
    const onError = (error: unknown) => fail('stream_error', asRouterError(error, 'upstream stream failed'));
    const onAbort = () => {
      if (settled) return;
      settled = true;
      cleanup();
      upstream.destroy();
      resolve(undefined);
    };
    timer =
      limitMs === undefined
        ? undefined
        : setTimeout(
            () =>
              fail(
                firstTokenTimeoutMs !== undefined ? 'first_token_timeout' : 'timeout',
                new RouterError('timeout', `upstream sent no content within ${limitMs / 1000}s of its response headers${firstTokenTimeoutMs !== undefined ? ' (first_token_timeout)' : ''}`),
              ),
            limitMs,
          );
    // Between the hand-over and the pump's own listeners, an error must not be unhandled: the pump reads
    // `upstream.errored` when it starts.
    upstream.on('error', () => undefined);
    if (signal.aborted) return onAbort();
    if (upstream.errored !== null || upstream.destroyed) return onError(upstream.errored ?? new Error('upstream stream closed before it started'));
    signal.addEventListener('abort', onAbort, { once: true });
    upstream.on('data', onData);
    upstream.on('end', onEnd);
    upstream.on('error', onError);
  });
}
