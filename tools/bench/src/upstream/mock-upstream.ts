import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { preparedAnswer, type Family } from './bodies.js';

export interface MockUpstreamOptions {
  /** Text chunks in a streamed answer (plus the family's opening and closing frames). */
  chunks: number;
  /** Pause between two stream frames, ms; 0 writes them back to back. */
  spacingMs: number;
}

/** Paths the mock serves, by family (the real APIs' paths, as the router calls them). */
const FAMILY_OF_PATH: Record<string, Family> = {
  '/v1/chat/completions': 'openai',
  '/v1/messages': 'anthropic',
  '/api/chat': 'ollama',
  '/v1/responses': 'responses',
};

/**
 * A fast mock LLM upstream on plain node:http: prebuilt bodies, no JSON parsing (a stream is asked for
 * with `"stream":true` in the body, as every client and the router serialise it). Per request, the
 * `x-bench-chunks` and `x-bench-spacing-ms` headers override the defaults (the router forwards them), so
 * one mock serves fast and slow streams. Keep-alive like the real APIs.
 */
export function createMockUpstream(defaults: MockUpstreamOptions): http.Server {
  const server = http.createServer((request, response) => {
    const family = FAMILY_OF_PATH[request.url?.split('?')[0] ?? ''];
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (request.method !== 'POST' || family === undefined) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = Buffer.concat(parts).toString('latin1');
      const chunks = numberHeader(request.headers['x-bench-chunks']) ?? defaults.chunks;
      const spacingMs = numberHeader(request.headers['x-bench-spacing-ms']) ?? defaults.spacingMs;
      const answer = preparedAnswer(family, chunks);
      if (!/"stream":\s*true/.test(body)) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.json.length }).end(answer.json);
        return;
      }
      const frames = body.includes('"include_usage":true') ? answer.framesWithUsage : answer.frames;
      response.writeHead(200, { 'content-type': answer.streamContentType, 'cache-control': 'no-cache' });
      writeFrames(response, frames, spacingMs);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

function writeFrames(response: http.ServerResponse, frames: Buffer[], spacingMs: number): void {
  if (spacingMs <= 0) {
    for (const frame of frames) response.write(frame);
    response.end();
    return;
  }
  let next = 0;
  const timer = setInterval(() => {
    if (response.destroyed) {
      clearInterval(timer);
      return;
    }
    const frame = frames[next++];
    if (frame !== undefined) response.write(frame);
    if (next >= frames.length) {
      clearInterval(timer);
      response.end();
    }
  }, spacingMs);
  response.on('close', () => clearInterval(timer));
}

function numberHeader(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Starts a mock on 127.0.0.1 (port 0 picks a free one) and resolves with its port. */
export async function listenOnLoopback(server: http.Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
