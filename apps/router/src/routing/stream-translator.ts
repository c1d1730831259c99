import type { RouterError } from '@llm-router/core';

/** What a stream translator made of some upstream bytes. */
export interface TranslatedChunk {
  /** Wire text for the client ('' when nothing is complete yet). */
  text: string;
  /** The stream is over: a success ending or an in-band error was produced; ignore later bytes. */
  ended: boolean;
  /** The upstream's own failure, when `text` carries it in-band. */
  error?: RouterError;
}

/**
 * Turns one upstream stream into the client's wire format, incrementally. Stateful: one per stream.
 * Passthrough (same format) and translation (another family, through the IR) both implement it, so a
 * single pump handles backpressure, endings, failures and disconnects for both.
 */
export interface StreamTranslator {
  push(chunk: Buffer): TranslatedChunk;
  /** The upstream body ended; what is still due. An upstream that ended too early yields an in-band error. */
  end(): TranslatedChunk;
  /** The in-band error frame for a failure of the upstream connection itself. */
  fail(error: RouterError): string;
}
