import { StringDecoder } from 'node:string_decoder';
import { RouterError } from '../errors/router-error.js';
import { DEFAULT_MAX_FRAME_CHARS } from './max-frame-chars.js';
import { joinPieces } from './join-pieces.js';

/** The NDJSON parser's limits. */
export interface NdjsonParserOptions {
  /** Longest line (before trimming) before the stream is refused. */
  maxLineChars?: number;
}

/**
 * Incremental NDJSON parser (Ollama streams): feed bytes, get back each complete, non-empty line
 * (trimmed). Lines split across TCP chunks are held until their newline arrives. One instance per stream.
 *
 * Linear time: each character is scanned once, when its chunk arrives; a line cut across chunks is held
 * as the chunks' pieces and joined once, at its newline. Bounded: a line longer than `maxLineChars`
 * (UTF-16 code units; for ASCII that is bytes) throws a `bad_gateway` RouterError, and so does every
 * later call.
 */
export class NdjsonParser {
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxLineChars: number;
  private pieces: string[] = [];
  private pendingChars = 0;
  private failed: RouterError | undefined;

  constructor(options: NdjsonParserOptions = {}) {
    this.maxLineChars = options.maxLineChars ?? DEFAULT_MAX_FRAME_CHARS;
  }

  push(chunk: Buffer | string): string[] {
    if (this.failed !== undefined) throw this.failed;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines: string[] = [];
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      if (this.pendingChars + newline - start > this.maxLineChars) this.refuse();
      let line = text.slice(start, newline);
      if (this.pieces.length > 0) {
        line = joinPieces(this.pieces, line);
        this.pieces = [];
        this.pendingChars = 0;
      }
      line = line.trim();
      if (line !== '') lines.push(line);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length) {
      if (this.pendingChars + text.length - start > this.maxLineChars) this.refuse();
      this.pieces.push(start === 0 ? text : text.slice(start));
      this.pendingChars += text.length - start;
    }
    return lines;
  }

  /** The last line, if the stream ended without a trailing newline. */
  end(): string[] {
    if (this.failed !== undefined) throw this.failed;
    const rest = joinPieces(this.pieces, this.decoder.end()).trim();
    this.pieces = [];
    this.pendingChars = 0;
    return rest === '' ? [] : [rest];
  }

  private refuse(): never {
    this.pieces = [];
    this.failed = new RouterError('bad_gateway', `upstream sent an NDJSON line longer than ${this.maxLineChars} characters`, { retryable: false });
    throw this.failed;
  }
}
