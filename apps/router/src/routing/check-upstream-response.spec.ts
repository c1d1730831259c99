import { describe, expect, it } from '@jest/globals';
import type { HeaderMap, UpstreamResponse } from '@llm-router/core';
import { PassThrough, Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { checkUpstreamResponse } from './check-upstream-response.js';
import { readBody } from './read-body.js';

const answer = (status: number, headers: HeaderMap, body: Readable = new PassThrough()): UpstreamResponse => ({ status, headers, body });

describe('checkUpstreamResponse', () => {
  it.each([0, 99, 101, 600, 999, 200.5])('refuses the invalid status %p with a 502 and destroys the body', (status) => {
    const response = answer(status, { 'content-type': 'application/json' });
    expect(() => checkUpstreamResponse(response, false, 'openai')).toThrow(expect.objectContaining({ kind: 'bad_gateway', status: 502, message: expect.stringContaining('invalid HTTP status') }));
    expect(response.body.destroyed).toBe(true);
  });

  it('refuses a redirect without naming its Location', () => {
    const response = answer(302, { location: 'http://10.0.0.7/login' });
    expect(() => checkUpstreamResponse(response, true, 'anthropic')).toThrow('anthropic upstream answered with a redirect (HTTP 302), which the router does not follow');
    expect(response.body.destroyed).toBe(true);
  });

  it('refuses a success of the wrong content type, and lets error statuses and a missing type through', () => {
    expect(() => checkUpstreamResponse(answer(200, { 'content-type': 'text/html; charset=utf-8' }), false, 'openai')).toThrow(
      "openai upstream answered with content-type 'text/html; charset=utf-8' where JSON was due (HTTP 200)",
    );
    expect(() => checkUpstreamResponse(answer(200, { 'content-type': 'application/json' }), true, 'openai')).toThrow('where an SSE or NDJSON stream was due');
    for (const [type, stream] of [['application/json; charset=utf-8', false], ['application/vnd.x+json', false], ['text/plain', false], ['text/event-stream; charset=utf-8', true], ['application/x-ndjson', true]] as const) {
      expect(checkUpstreamResponse(answer(200, { 'content-type': type }), stream, 'openai').status).toBe(200);
    }
    expect(checkUpstreamResponse(answer(503, { 'content-type': 'text/html' }), false, 'openai').status).toBe(503);
    expect(checkUpstreamResponse(answer(200, {}), false, 'openai').status).toBe(200);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes %s and drops the coding headers', async (coding, compress) => {
    const body = compress(Buffer.from('{"ok":true}'));
    const checked = checkUpstreamResponse(answer(200, { 'content-type': 'application/json', 'content-encoding': coding, 'content-length': String(body.length) }, Readable.from([body])), false, 'openai');
    expect(checked.headers).toEqual({ 'content-type': 'application/json' });
    expect((await readBody(checked.body, 1024)).toString()).toBe('{"ok":true}');
  });

  it('refuses a coding it cannot decode', () => {
    const response = answer(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
    expect(() => checkUpstreamResponse(response, false, 'ollama')).toThrow("ollama upstream answered with content-encoding 'zstd', which the router cannot decode");
    expect(response.body.destroyed).toBe(true);
  });

  it('caps the decoded size: a gzip bomb stops at the limit, and the upstream body is destroyed', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros in ~64 KB
    const upstream = Readable.from([bomb]);
    const checked = checkUpstreamResponse(answer(200, { 'content-encoding': 'gzip' }, upstream), false, 'openai');
    await expect(readBody(checked.body, 1024 * 1024)).rejects.toMatchObject({ kind: 'bad_gateway', message: 'upstream response larger than 1048576 bytes' });
    await new Promise((r) => setImmediate(r));
    expect(upstream.destroyed).toBe(true);
  });

  it('reports a corrupt compressed body as a bad_gateway', async () => {
    const checked = checkUpstreamResponse(answer(200, { 'content-encoding': 'gzip' }, Readable.from([Buffer.from('not gzip at all')])), false, 'openai');
    await expect(readBody(checked.body, 1024)).rejects.toMatchObject({ kind: 'bad_gateway', message: expect.stringContaining('upstream body failed') });
  });
});
