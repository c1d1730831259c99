import { RouterError } from '@llm-router/core';
import type { Readable } from 'node:stream';

/**
 * Reads a whole (non-streamed) upstream body. Bounded: an upstream that sends more than `limitBytes`
 * is cut off with a 502 instead of growing the router's memory without end.
 */
export async function readBody(body: Readable, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limitBytes) {
      body.destroy();
      throw new RouterError('bad_gateway', `upstream response larger than ${limitBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
