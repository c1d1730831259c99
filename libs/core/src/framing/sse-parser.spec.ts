import { describe, expect, it } from '@jest/globals';
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
