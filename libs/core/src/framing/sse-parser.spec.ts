import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { SseParser } from './sse-parser.js';

const fixture = (path: string) => readFileSync(new URL(`../../../testing/fixtures/${path}`, import.meta.url));

describe('SseParser', () => {
  it('parses the Anthropic fixture byte by byte into the same frames as in one piece', () => {
    const bytes = fixture('anthropic/basic.stream.sse');
    const whole = new SseParser().push(bytes);
    const split = new SseParser();
    const pieces = [...bytes].flatMap((b) => split.push(Buffer.from([b])));
    expect(pieces).toEqual(whole);
    expect(whole[0]).toMatchObject({ event: 'message_start' });
    expect(whole.map((f) => f.raw).join('')).toBe(bytes.toString('utf8'));
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const bytes = Buffer.from('data: {"t":"héllo 🐙"}\n\n');
    const parser = new SseParser();
    const frames = [parser.push(bytes.subarray(0, 14)), parser.push(bytes.subarray(14, 21)), parser.push(bytes.subarray(21))].flat();
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0]!.data)).toEqual({ t: 'héllo 🐙' });
  });

  it('handles CRLF frames, comments and multi-line data, and reports a cut-off frame as pending', () => {
    const parser = new SseParser();
    const frames = parser.push(': keepalive\r\n\r\nevent: x\r\ndata: a\r\ndata: b\r\n\r\ndata: partial');
    expect(frames.map(({ event, data }) => ({ event, data }))).toEqual([{ event: 'x', data: 'a\nb' }]);
    expect(parser.pending).toBe('data: partial');
  });
});

describe('SseParser line ends', () => {
  it('ends lines at a lone CR, and pairs a CR that ends a chunk with the LF that starts the next', () => {
    const lone = new SseParser().push('data: a\r\rdata: b\r\r');
    expect(lone.map((f) => f.data)).toEqual(['a', 'b']);
    const parser = new SseParser();
    const input = ['event: x\r', '\ndata: a\r', '\n\r', '\ndata: b\n\n'];
    const frames = input.flatMap((piece) => parser.push(piece));
    expect(frames.map(({ event, data }) => ({ event, data }))).toEqual([{ event: 'x', data: 'a' }, { data: 'b' }]);
    expect(frames.map((f) => f.raw).join('')).toBe(input.join(''));
  });

  // A CRLF cut between its CR and LF: the frame is given at the CR (not held for the next chunk), so its
  // LF starts the next frame's raw text. What a passthrough forwards is the same bytes either way.
  it('gives the same frames and the same raw bytes however the bytes are cut', () => {
    const text = ': ping\n\nevent: a\ndata: {"x":"é🐙"}\r\n\r\ndata: 1\ndata: 2\n\nid: 7\n\ndata: [DONE]\r\r';
    const bytes = Buffer.from(text);
    const whole = new SseParser().push(bytes);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const parser = new SseParser();
        const frames = points.slice(1).flatMap((end, i) => parser.push(bytes.subarray(points[i], end)));
        expect(frames.map(({ event, data }) => ({ event, data }))).toEqual(whole.map(({ event, data }) => ({ event, data })));
        expect(frames.map((f) => f.raw).join('')).toBe(whole.map((f) => f.raw).join(''));
      }),
    );
    expect(whole.map((f) => f.data)).toEqual(['{"x":"é🐙"}', '1\n2', '[DONE]']);
  });
});

describe('SseParser limits', () => {
  it('accepts a frame of exactly the limit and refuses one character more, in one chunk or many', () => {
    const frame = `data: ${'x'.repeat(10)}\n\n`; // 18 characters
    expect(new SseParser({ maxFrameChars: 18 }).push(frame)).toHaveLength(1);
    expect(() => new SseParser({ maxFrameChars: 17 }).push(frame)).toThrow(expect.objectContaining({ kind: 'bad_gateway', status: 502 }));
    const parser = new SseParser({ maxFrameChars: 17 });
    expect(() => [...frame].forEach((c) => parser.push(c))).toThrow(/SSE frame longer than 17 characters/);
    expect(() => parser.push('data: later\n\n')).toThrow(/SSE frame longer/);
  });

  it('counts comment lines held in a frame, but not keep-alive frames that end', () => {
    const pings = new SseParser({ maxFrameChars: 100 });
    for (let i = 0; i < 1000; i++) expect(pings.push(': ping\n\n')).toEqual([]);
    const endless = new SseParser({ maxFrameChars: 100 });
    expect(() => {
      for (let i = 0; i < 1000; i++) endless.push(': ping\n');
    }).toThrow(/SSE frame longer than 100/);
  });

  it('refuses an endless line after the default 8 MiB, without holding the rest (a 48 MB line in 16 KiB chunks)', () => {
    const parser = new SseParser();
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let accepted = 0;
    expect(() => {
      parser.push('data: ');
      for (; accepted < 3072; accepted++) parser.push(chunk);
    }).toThrow(/longer than 8388608 characters/);
    expect(accepted).toBe(511); // 'data: ' + 511 chunks fit in 8 MiB; the next push crosses it
  });

  it('reads a 50 MB frame sent in 4 KiB chunks in linear time (a quadratic parser would rescan 300 GB)', () => {
    const parser = new SseParser({ maxFrameChars: 64 * 1024 * 1024 });
    const chunk = Buffer.alloc(4096, 'b');
    parser.push('data: ');
    for (let i = 0; i < 12_800; i++) expect(parser.push(chunk)).toEqual([]);
    const [frame] = parser.push('\n\n');
    expect(frame?.data.length).toBe(12_800 * 4096);
  });

  it('reads 50 MB of small frames in 1 KiB chunks', () => {
    const parser = new SseParser();
    const chunk = 'data: {"i":1}\n\n'.repeat(64); // 960 characters
    let count = 0;
    for (let i = 0; i < 52_000; i++) count += parser.push(chunk).length;
    expect(count).toBe(52_000 * 64);
  });
});
