import type { IrRequest } from '../ir/ir-request.js';
import type { IrResponse } from '../ir/ir-response.js';
import type { IrStreamEvent } from '../ir/ir-stream-event.js';

/**
 * Per-request facts and sinks shared by the decoder of the client's format and the encoder/decoder of
 * the upstream's, when the two formats differ. One instance per request.
 */
export interface TranslationContext {
  /** The model name sent upstream (after aliasing). */
  upstreamModel: string;
  /** Output cap to send when the client gave none and the upstream requires one (Anthropic). */
  defaultMaxTokens: number;
  /** The model's ceiling on output tokens, when configured: larger client values are clamped, with a warning. */
  maxOutputTokens?: number;
  /** A rough prompt size, for stream starts that must report input tokens before the upstream does. */
  estimatedInputTokens: number;
  /**
   * Dropped tuning knobs, clamps and other lossy-but-harmless changes, as short sentences naming the
   * field (`seed: not supported by anthropic, dropped`). Logged, and returned in `x-router-warnings`.
   */
  warnings: string[];
  /**
   * A fresh id (24 alphanumerics) for what an upstream left without one: Ollama gives no response ids
   * and older Ollama servers no tool call ids (`call_` + newId()). Injected so decoders stay pure.
   */
  newId(): string;
  /**
   * Longest upstream SSE frame or NDJSON line a stream decoder accepts (characters); longer ends the stream
   * with a bad_gateway. Undefined: core's DEFAULT_MAX_FRAME_CHARS (8 MiB).
   */
  maxFrameChars?: number;
  /**
   * A malformed upstream frame (SSE data or an NDJSON line that is not a JSON object) was skipped: the
   * stream decoders never turn one into an error nor pass it on, they call this with `describeSkippedFrame`'s
   * text and go on. The app logs and counts it. Undefined: skipped silently.
   */
  onSkippedFrame?(description: string): void;
}

/** An upstream request body built from the IR, and the path (under the model's endpoint) it goes to. */
export interface EncodedRequest {
  path: string;
  body: Record<string, unknown>;
}

/** Turns an upstream's stream bytes into IR events. Stateful: one instance per response stream. */
export interface StreamDecoder {
  /** Bytes as they arrive (partial frames and lines are held); the events they complete. */
  push(chunk: Buffer): IrStreamEvent[];
  /**
   * The upstream body ended: the events still due. A stream that ended before its finish yields an
   * `error` event (never a fabricated success ending).
   */
  end(): IrStreamEvent[];
}

/**
 * One API family as an upstream, for requests translated from another family. Implemented by the
 * family libs; pure (no I/O). Refusals are RouterError 400s naming the field, thrown before any
 * upstream call.
 */
export interface UpstreamCodec {
  encodeRequest(request: IrRequest, context: TranslationContext): EncodedRequest;
  /** A complete (non-streamed) upstream answer, parsed from JSON. */
  decodeResponse(body: unknown, context: TranslationContext): IrResponse;
  createStreamDecoder(context: TranslationContext): StreamDecoder;
}
