import { StringDecoder } from 'node:string_decoder';
import type { SseEvent } from './sse-frame.js';

/**
 * Incremental SSE parser: feed it bytes as they arrive, get back every frame completed so far.
 * Partial frames (and partial UTF-8 sequences) are held until the rest arrives. One instance per stream.
 *
 * Each frame is returned with `raw`, its exact text including the terminating blank line, so a
 * passthrough can forward it unchanged.
 */
export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';

  push(chunk: Buffer | string): Array<SseEvent & { raw: string }> {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const frames: Array<SseEvent & { raw: string }> = [];
    for (;;) {
      const end = findFrameEnd(this.buffer);
      if (end === undefined) break;
      const raw = this.buffer.slice(0, end.next);
      this.buffer = this.buffer.slice(end.next);
      const parsed = parseFrame(raw.slice(0, end.at));
      if (parsed) frames.push({ ...parsed, raw });
    }
    return frames;
  }

  /** Text received after the last complete frame (a stream cut mid-frame leaves it non-empty). */
  get pending(): string {
    return this.buffer + this.decoder.end();
  }
}

/** Where the first frame ends: at the blank line (`\n\n`, `\r\n\r\n` or `\r\r`). */
function findFrameEnd(text: string): { at: number; next: number } | undefined {
  const lf = text.indexOf('\n\n');
  const crlf = text.indexOf('\r\n\r\n');
  if (lf === -1 && crlf === -1) return undefined;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { at: crlf, next: crlf + 4 };
  return { at: lf, next: lf + 2 };
}

function parseFrame(text: string): SseEvent | undefined {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue; // comment / keepalive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && event === undefined) return undefined;
  return event === undefined ? { data: data.join('\n') } : { event, data: data.join('\n') };
}
