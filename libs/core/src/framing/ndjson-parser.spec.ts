import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { NdjsonParser } from './ndjson-parser.js';

describe('NdjsonParser', () => {
  it('gives each non-empty line, trimmed, however the bytes are cut (multi-byte characters included)', () => {
    const bytes = Buffer.from('{"a":"é🐙"}\r\n\n  {"b":2}\n{"c":3}');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 10 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const parser = new NdjsonParser();
        const lines = points.slice(1).flatMap((end, i) => parser.push(bytes.subarray(points[i], end)));
        expect([...lines, ...parser.end()]).toEqual(['{"a":"é🐙"}', '{"b":2}', '{"c":3}']);
      }),
    );
  });

  it('accepts a line of exactly the limit and refuses one character more, then every later call', () => {
    expect(new NdjsonParser({ maxLineChars: 5 }).push('12345\n')).toEqual(['12345']);
    const parser = new NdjsonParser({ maxLineChars: 5 });
    expect(parser.push('123')).toEqual([]);
    expect(() => parser.push('456\n')).toThrow(expect.objectContaining({ kind: 'bad_gateway', message: 'upstream sent an NDJSON line longer than 5 characters' }));
    expect(() => parser.push('1\n')).toThrow(/NDJSON line longer/);
    expect(() => parser.end()).toThrow(/NDJSON line longer/);
    const unterminated = new NdjsonParser({ maxLineChars: 5 });
    expect(() => unterminated.push('123456')).toThrow(/NDJSON line longer/);
  });

  it('refuses an endless line after the default 8 MiB (a 48 MB line in 16 KiB chunks)', () => {
    const parser = new NdjsonParser();
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let accepted = 0;
    expect(() => {
      for (; accepted < 3072; accepted++) parser.push(chunk);
    }).toThrow(/longer than 8388608 characters/);
    expect(accepted).toBe(512);
  });

  it('reads a 50 MB line sent in 4 KiB chunks in linear time', () => {
    const parser = new NdjsonParser({ maxLineChars: 64 * 1024 * 1024 });
    const chunk = Buffer.alloc(4096, 'b');
    for (let i = 0; i < 12_800; i++) expect(parser.push(chunk)).toEqual([]);
    expect(parser.push('\n')[0]?.length).toBe(12_800 * 4096);
  });
});
