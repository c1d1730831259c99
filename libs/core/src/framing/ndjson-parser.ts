import { StringDecoder } from 'node:string_decoder';

/**
 * Incremental NDJSON parser (Ollama streams): feed bytes, get back each complete, non-empty line.
 * Lines split across TCP chunks are held until their newline arrives. One instance per stream.
 */
export class NdjsonParser {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';

  push(chunk: Buffer | string): string[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines: string[] = [];
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline).trim();
      if (line !== '') lines.push(line);
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
    return lines;
  }

  /** The last line, if the stream ended without a trailing newline. */
  end(): string[] {
    const rest = (this.buffer + this.decoder.end()).trim();
    this.buffer = '';
    return rest === '' ? [] : [rest];
  }
}
