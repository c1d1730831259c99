// Spec-only helper (excluded from the build): one raw HTTP exchange with arrival times of each chunk.
import { SseParser } from '@llm-router/core';
import { request, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Each body chunk as it arrived, with `performance.now()`. */
  chunks: Array<{ at: number; text: string }>;
}

export interface ExchangeOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON (with `content-type: application/json` unless set); a string as is. */
  body?: unknown;
}

export function exchange(origin: string, options: ExchangeOptions): Promise<Exchange> {
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined && typeof options.body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${options.path}`, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Array<{ at: number; text: string }> = [];
      res.setEncoding('utf8');
      res.on('data', (text: string) => chunks.push({ at: performance.now(), text }));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunks.map((c) => c.text).join(''), chunks }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The parsed JSON `data:` of each SSE frame (`[DONE]` kept as the string). */
export function sseData(body: string): unknown[] {
  return new SseParser().push(body).map((frame) => (frame.data.startsWith('{') ? (JSON.parse(frame.data) as unknown) : frame.data));
}

/** The SSE frames with their event names. */
export function sseEvents(body: string): Array<{ event: string | undefined; data: string }> {
  return new SseParser().push(body).map(({ event, data }) => ({ event, data }));
}

/** Starts a request and resolves with the response once its headers arrive; the caller reads or destroys it. */
export function openRequest(origin: string, options: ExchangeOptions): Promise<{ req: ClientRequest; res: IncomingMessage }> {
  const body = JSON.stringify(options.body ?? {});
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${options.path}`, { method: options.method ?? 'POST', headers: { 'content-type': 'application/json', ...options.headers }, agent: false });
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('error', () => undefined); // destroying the request later surfaces as an abort error here
      resolve({ req, res });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls `condition` every 5 ms until it holds; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
