import type { ClientFormat } from '../client-format.js';
import type { RouterError } from '../errors/router-error.js';
import type { SseEvent } from '../framing/sse-frame.js';
import type { HeaderMap } from '../http/header-map.js';
import type { IrRequest } from '../ir/ir-request.js';
import type { IrResponse } from '../ir/ir-response.js';
import type { IrStreamEvent } from '../ir/ir-stream-event.js';
import type { TranslationContext } from './translation.js';

/** What the router needs to know about a request before it can route it. */
export interface RoutableRequest {
  model: string;
  stream: boolean;
}

export interface RenderedError {
  status: number;
  headers: HeaderMap;
  /** Serialised JSON body in the client's error format. */
  body: string;
}

/** Turns IR stream events into wire text. Stateful: one instance per response stream. */
export interface StreamEncoder {
  /** The wire text for one event ('' when the format has nothing to say for it). */
  encode(event: IrStreamEvent): string;
}

export interface StreamEncoderOptions {
  /** OpenAI: the client asked for `stream_options.include_usage`. */
  includeUsage: boolean;
  /**
   * The decoded request, when the answer is a translation of it (absent on passthrough, e.g. echo). Encoders
   * that must echo request facts or know how a tool was declared read it (Responses: `custom` tools, the
   * echoed `instructions`/`tools`/`tool_choice`...); every other encoder ignores it.
   */
  request?: IrRequest;
}

/**
 * Everything about one client-facing API format. Implemented by the API-family libs; the app
 * holds one per ClientFormat and never branches on the format itself.
 */
export interface ClientCodec {
  readonly format: ClientFormat;
  /** Content type of a streamed answer. */
  readonly streamContentType: string;

  /**
   * Checks the body far enough to route it (an object, a string `model`, the required fields with the
   * right types) and says whether a stream is wanted. Throws RouterError 400 naming the field.
   */
  inspect(body: unknown): RoutableRequest;

  /**
   * The request in neutral form, for an upstream of another family. Fields no other family can honour
   * are refused with a RouterError 400 naming the field; tuning knobs that can be dropped harmlessly go
   * to `context.warnings`. Only called when translating (same-format requests are passed through).
   */
  decodeRequest(body: unknown, context: TranslationContext): IrRequest;

  /**
   * Request headers that belong to this family's protocol (`anthropic-version`, `anthropic-beta`,
   * `openai-organization`...): dropped when the request is translated for another family.
   */
  readonly protocolHeaders: RegExp;

  /** An error before the first byte: status, headers and body in this format. */
  renderError(error: RouterError, requestId: string): RenderedError;

  /** An error after the stream started: the in-band frame that ends the stream (no success ending after it). */
  streamErrorFrame(error: RouterError): string;

  /**
   * Passthrough of a stream in this format: the frame to send to the client for one upstream frame,
   * with the model name replaced by the one the client asked for. Returns `frame.raw` when unchanged.
   */
  passthroughFrame(frame: SseEvent & { raw: string }, clientModel: string): string;

  /** Whether a passthrough stream frame is this format's successful end (OpenAI `[DONE]`, Anthropic `message_stop`). */
  isTerminalFrame(frame: SseEvent): boolean;

  /**
   * Whether a passthrough stream frame says the answer is complete though the stream may go on (OpenAI: a
   * chunk with a non-null `finish_reason`, the usage chunk may follow; Anthropic: `message_delta` with its
   * `stop_reason`). An upstream body that ends after such a frame but before the terminal frame is a
   * complete answer (the router writes `terminalFrame` for it); one that ends before it is truncated.
   */
  isFinishFrame(frame: SseEvent): boolean;

  /**
   * Whether a stream frame in this format carries content: a text, refusal, tool-call or thinking delta (or
   * the start of a tool call). Opening frames (OpenAI's role chunk, Anthropic's `message_start` and text block
   * starts, `response.created`...), pings and endings are not. A routed stream is held back until its first
   * content frame, so that an upstream failing before it can still fail over.
   */
  isContentFrame(frame: SseEvent): boolean;

  /** This format's successful end of a stream, as wire text (`data: [DONE]\n\n`, `event: message_stop…`). */
  readonly terminalFrame: string;

  /**
   * For formats whose streams carry usage only when asked (OpenAI `stream_options.include_usage`): asks for it
   * in a passthrough body about to be forwarded, so every stream is metered (token metrics, tpm, budgets), and
   * returns true when the client had not asked: the router then keeps the usage-only frames
   * (`isUsageOnlyFrame`) from that client, which sees the stream it asked for. Absent where usage always comes.
   */
  requestStreamUsage?(body: Record<string, unknown>): boolean;

  /** A stream frame that carries only usage (OpenAI's final `choices: []` chunk); see `requestStreamUsage`. */
  isUsageOnlyFrame?(frame: SseEvent): boolean;

  /**
   * Whether a passthrough stream frame is the upstream's own in-band error (OpenAI `data: {"error":…}`,
   * Anthropic `event: error`). It ends the stream: it is forwarded as is and nothing may follow it.
   */
  isErrorFrame(frame: SseEvent): boolean;

  /** A complete (non-streamed) answer in this format. `request`: as in StreamEncoderOptions.request. */
  encodeResponse(response: IrResponse, request?: IrRequest): unknown;

  createStreamEncoder(options: StreamEncoderOptions): StreamEncoder;
}
