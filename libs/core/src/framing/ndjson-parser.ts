import { StringDecoder } from 'node:string_decoder';
import { RouterError } from '../errors/router-error.js';
import { DEFAULT_MAX_FRAME_CHARS } from './max-frame-chars.js';

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
      this.checkSize(this.pendingChars + newline - start);
      let line = text.slice(start, newline);
      if (this.pieces.length > 0) {
        this.pieces.push(line);
        line = this.pieces.join('');
        this.pieces = [];
        this.pendingChars = 0;
      }
      line = line.trim();
      if (line !== '') lines.push(line);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length) {
      this.checkSize(this.pendingChars + text.length - start);
      this.pieces.push(start === 0 ? text : text.slice(start));
      this.pendingChars += text.length - start;
    }
    return lines;
  }

  /** The last line, if the stream ended without a trailing newline. */
  end(): string[] {
    if (this.failed !== undefined) throw this.failed;
    const rest = (this.pieces.join('') + this.decoder.end()).trim();
    this.pieces = [];
    this.pendingChars = 0;
    return rest === '' ? [] : [rest];
  }

  private checkSize(chars: number): void {
    if (chars <= this.maxLineChars) return;
    this.pieces = [];
    this.failed = new RouterError('bad_gateway', `upstream sent an NDJSON line longer than ${this.maxLineChars} characters`, { retryable: false });
    throw this.failed;
  }
}
