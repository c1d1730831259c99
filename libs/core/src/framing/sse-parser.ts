import { StringDecoder } from 'node:string_decoder';
import { RouterError } from '../errors/router-error.js';
import { joinPieces } from './join-pieces.js';
import { DEFAULT_MAX_FRAME_CHARS } from './max-frame-chars.js';
import type { SseEvent } from './sse-frame.js';

/** The SSE parser's limits. */
export interface SseParserOptions {
  /** Longest frame (its raw text, comments and line ends included) before the stream is refused. */
  maxFrameChars?: number;
}

/**
 * Incremental SSE parser: feed it bytes as they arrive, get back every frame completed so far.
 * Partial frames (and partial UTF-8 sequences) are held until the rest arrives. One instance per stream.
 *
 * Each frame is returned with `raw`, its exact text including the terminating blank line, so a
 * passthrough can forward it unchanged. Lines end at LF, CRLF or a lone CR (a CR that ends a chunk is
 * paired with an LF that starts the next one); a frame ends at a blank line. Comment lines (`:`) are
 * skipped, and a frame of only comments (a keep-alive `: ping`) yields nothing.
 *
 * Linear time: each character is scanned once, when its chunk arrives; what is held between chunks is
 * kept as the chunks' own pieces and joined once, when its line or frame completes. Bounded: a frame
 * longer than `maxFrameChars` (UTF-16 code units; for ASCII that is bytes) throws a `bad_gateway`
 * RouterError, and so does every later push. The limit counts comment lines too: they are held in `raw`.
 */
export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxFrameChars: number;
  /** Raw text of the current frame from earlier chunks. */
  private framePieces: string[] = [];
  private frameChars = 0;
  /** The current line's text from earlier chunks (its pieces are also in framePieces). */
  private linePieces: string[] = [];
  /** The last chunk ended with CR: an LF that starts the next one belongs to that line end. */
  private crPending = false;
  private event: string | undefined = undefined;
  private data: string[] = [];
  private failed: RouterError | undefined;

  constructor(options: SseParserOptions = {}) {
    this.maxFrameChars = options.maxFrameChars ?? DEFAULT_MAX_FRAME_CHARS;
  }

  push(chunk: Buffer | string): Array<SseEvent & { raw: string }> {
    if (this.failed !== undefined) throw this.failed;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const frames: Array<SseEvent & { raw: string }> = [];
    const length = text.length;
    if (length === 0) return frames;
    let start = 0;
    if (this.crPending) {
      this.crPending = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    let frameStart = 0;
    // Next LF / CR at or after `start`; -1 once none is left in this chunk (never searched again).
    let nextLf = text.indexOf('\n', start);
    let nextCr = text.indexOf('\r', start);
    for (;;) {
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      let end: number;
      let next: number;
      if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
        end = nextCr;
        if (end + 1 === length) {
          this.crPending = true;
          next = length;
        } else {
          next = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
        }
      } else if (nextLf !== -1) {
        end = nextLf;
        next = end + 1;
      } else {
        break;
      }
      let line = text.slice(start, end);
      if (this.linePieces.length > 0) {
        line = joinPieces(this.linePieces, line);
        this.linePieces = [];
      }
      start = next;
      this.checkSize(this.frameChars + next - frameStart);
      if (line === '') {
        if (this.data.length > 0 || this.event !== undefined) {
          const tail = text.slice(frameStart, next);
          const raw = this.framePieces.length === 0 ? tail : joinPieces(this.framePieces, tail);
          const data = this.data.join('\n');
          frames.push(this.event === undefined ? { data, raw } : { event: this.event, data, raw });
        }
        this.event = undefined;
        if (this.data.length > 0) this.data = [];
        this.framePieces = [];
        this.frameChars = 0;
        frameStart = next;
      } else {
        this.field(line);
      }
    }
    if (start < length) {
      this.checkSize(this.frameChars + length - frameStart);
      this.linePieces.push(text.slice(start));
    }
    if (frameStart < length) {
      this.framePieces.push(frameStart === 0 ? text : text.slice(frameStart));
      this.frameChars += length - frameStart;
    }
    return frames;
  }

  /** Text received after the last complete frame (a stream cut mid-frame leaves it non-empty). */
  get pending(): string {
    return joinPieces(this.framePieces, this.decoder.end());
  }

  private field(line: string): void {
    if (line.charCodeAt(0) === COLON) return; // comment / keepalive
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === SPACE) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.event = value;
  }

  private checkSize(chars: number): void {
    if (chars <= this.maxFrameChars) return;
    this.framePieces = [];
    this.linePieces = [];
    this.data = [];
    this.failed = new RouterError('bad_gateway', `upstream sent an SSE frame longer than ${this.maxFrameChars} characters`, { retryable: false });
    throw this.failed;
  }
}

const LF = 0x0a;
const COLON = 0x3a;
const SPACE = 0x20;
