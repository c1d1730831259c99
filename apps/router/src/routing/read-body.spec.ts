import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { PassThrough, Readable } from 'node:stream';
import { readBody } from './read-body.js';

describe('readBody', () => {
  it('reads every chunk, in order', async () => {
    const body = Readable.from([Buffer.from('{"a":'), '1', Buffer.from('}')], { objectMode: false });
    expect((await readBody(body, 1024)).toString()).toBe('{"a":1}');
  });

  it('cuts off an upstream that sends more than the limit, with a 502, and destroys the body', async () => {
    const body = new PassThrough();
    const read = readBody(body, 8);
    body.write('0123456789');
    const error = await read.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).kind).toBe('bad_gateway');
    expect(body.destroyed).toBe(true);
  });

  it('rejects with the error the body fails with', async () => {
    const body = new PassThrough();
    const read = readBody(body, 1024);
    body.write('{"partial":');
    body.destroy(new RouterError('timeout', 'stream idle timeout'));
    await expect(read).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('settles when the body is destroyed without an error (never hangs)', async () => {
    const body = new PassThrough();
    const read = readBody(body, 1024);
    body.destroy();
    await expect(read).rejects.toThrow('closed before its end');
    await expect(readBody(body, 1024)).rejects.toThrow('closed before its end');
  });

  it('rejects with a bad_gateway RouterError, never a plain Error, for a body that closes early or fails', async () => {
    const closed = new PassThrough();
    const read = readBody(closed, 1024);
    closed.destroy();
    await expect(read).rejects.toMatchObject({ kind: 'bad_gateway', status: 502 });
    const failed = new PassThrough();
    const readFailed = readBody(failed, 1024);
    failed.destroy(new Error('socket hang up'));
    await expect(readFailed).rejects.toMatchObject({ kind: 'bad_gateway', message: 'upstream body failed: socket hang up' });
  });
});
