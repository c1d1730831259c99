import type { MockUpstream } from '@llm-router/testing';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** The keys the router is configured with (what the upstream must see) and the one clients use (what it must not). */
export const ROUTER_OPENAI_KEY = 'sk-router-configured-0123456789';
export const ROUTER_ANTHROPIC_KEY = 'sk-ant-router-configured-0123456789';
export const CLIENT_KEY = 'sk-client-own-key-9876543210fedcba';

/** A `models.<name>` entry for an OpenAI upstream served by `mock` (OpenAI endpoints include `/v1`). */
export function openAIModel(mock: MockUpstream, actualModelName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    provider: 'openai',
    endpoint: `${mock.origin}/v1`,
    api_key: ROUTER_OPENAI_KEY,
    actual_model_name: actualModelName,
    retry_config: { max_retries: 0 },
    ...extra,
  };
}

/** A `models.<name>` entry for an Anthropic upstream served by `mock` (the host root). */
export function anthropicModel(mock: MockUpstream, actualModelName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    provider: 'anthropic',
    endpoint: mock.origin,
    api_key: ROUTER_ANTHROPIC_KEY,
    actual_model_name: actualModelName,
    retry_config: { max_retries: 0 },
    ...extra,
  };
}

/** `POST url` with a JSON body (a string is sent as is, so malformed JSON can be tested). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
}

/**
 * `POST url` for a body the server should refuse by its declared size (413), sent like an
 * `Expect: 100-continue` client: the headers (with Content-Length) first, and the body only if no answer
 * came within `graceMs`.
 *
 * Why not fetch: Fastify answers a too-large Content-Length at once and then closes the connection
 * without draining the body, so a client still uploading sees `write EPIPE` instead of the 413 now and
 * then (undici fails the whole call; ~8% of 1.5 MB uploads over loopback). Not writing the body the
 * server already refused makes the check deterministic; a server that needs the body still gets it.
 */
export function postDeclaringLength(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  graceMs = 1000,
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    });
    let answered = false;
    const sendBody = setTimeout(() => {
      if (!answered && !req.destroyed) req.end(body);
    }, graceMs);
    req.on('response', (res) => {
      answered = true;
      clearTimeout(sendBody);
      const chunks: Buffer[] = [];
      const done = () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', done);
      res.once('error', done);
    });
    req.on('error', (error) => {
      clearTimeout(sendBody);
      if (!answered) reject(error);
    });
    req.flushHeaders();
  });
}

/** One SSE frame as the client received it. */
export interface SseFrame {
  /** The frame's exact text including its trailing blank line. */
  raw: string;
  event: string | undefined;
  data: string;
}

/** JSON of a frame's data, or undefined (e.g. `[DONE]`). */
export function frameJson(frame: SseFrame): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(frame.data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseFrame(raw: string): SseFrame {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
    else if (line.startsWith('data:')) data.push(line.slice('data:'.length).replace(/^ /, ''));
  }
  return { raw, event, data: data.join('\n') };
}

/**
 * Reads a fetch Response body as SSE frames, one at a time, as they arrive. Independent of the router's
 * own parser on purpose. Frames are separated by a blank line (`\n\n`; `\r\n` is normalised).
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private ended = false;
  /** Every frame read so far. */
  readonly frames: SseFrame[] = [];

  constructor(response: Response) {
    if (response.body === null) throw new Error('response has no body');
    this.reader = response.body.getReader();
  }

  /** The next complete frame, or undefined once the stream ended (a trailing partial frame is returned as one). */
  async next(): Promise<SseFrame | undefined> {
    for (;;) {
      const cut = this.buffer.indexOf('\n\n');
      if (cut >= 0) {
        const raw = this.buffer.slice(0, cut + 2);
        this.buffer = this.buffer.slice(cut + 2);
        const frame = parseFrame(raw);
        this.frames.push(frame);
        return frame;
      }
      if (this.ended) {
        if (this.buffer.trim() === '') return undefined;
        const frame = parseFrame(this.buffer);
        this.buffer = '';
        this.frames.push(frame);
        return frame;
      }
      const { done, value } = await this.reader.read();
      if (done) {
        this.buffer += this.decoder.decode();
        this.ended = true;
      } else {
        this.buffer += this.decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n');
      }
    }
  }

  /** Reads frames until `predicate` matches one (returned) or the stream ends (undefined). */
  async until(predicate: (frame: SseFrame) => boolean): Promise<SseFrame | undefined> {
    for (;;) {
      const frame = await this.next();
      if (frame === undefined || predicate(frame)) return frame;
    }
  }

  /** Reads to the end; returns every frame of the stream (also the ones read before). */
  async all(): Promise<SseFrame[]> {
    while ((await this.next()) !== undefined);
    return this.frames;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/** The frames of an SSE text (e.g. a fixture), each with its exact bytes. */
export function splitSse(text: string): SseFrame[] {
  return text
    .replaceAll('\r\n', '\n')
    .split(/(?<=\n\n)/)
    .filter((raw) => raw.trim() !== '')
    .map(parseFrame);
}
