import { request as httpRequest } from 'node:http';

/** One fuzz request's answer as bytes on the wire, or why there was none. */
export type FuzzAnswer =
  | { kind: 'answer'; status: number; statusMessage: string; rawHeaders: string[]; headers: Record<string, string | string[] | undefined>; body: string; ms: number }
  | { kind: 'hang'; ms: number; partial: string }
  | { kind: 'network-error'; message: string; ms: number };

/**
 * POSTs raw bytes with the given content type (none when undefined) and waits at most `boundMs` for the
 * complete answer: a router that never answers (or never ends a stream) is a 'hang', not a slow test.
 */
export function postRaw(url: string, bytes: Buffer, contentType: string | undefined, requestId: string, boundMs: number): Promise<FuzzAnswer> {
  const started = Date.now();
  return new Promise((resolve) => {
    let partial = '';
    let settled = false;
    const settle = (answer: FuzzAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(answer);
    };
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...(contentType === undefined ? {} : { 'content-type': contentType }), 'content-length': String(bytes.length), 'x-request-id': requestId },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          partial = Buffer.concat(chunks).toString('utf8').slice(0, 2_000);
        });
        res.on('end', () =>
          settle({
            kind: 'answer',
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            rawHeaders: res.rawHeaders,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Date.now() - started,
          }),
        );
        res.on('error', (error) => settle({ kind: 'network-error', message: error.message, ms: Date.now() - started }));
      },
    );
    const timer = setTimeout(() => settle({ kind: 'hang', ms: Date.now() - started, partial }), boundMs);
    req.on('error', (error) => settle({ kind: 'network-error', message: `${error.message}`, ms: Date.now() - started }));
    req.end(bytes);
  });
}
