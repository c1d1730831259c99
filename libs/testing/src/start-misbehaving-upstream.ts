import net from 'node:net';

/** One request the misbehaving upstream received: what it needs to pick its misbehaviour. */
export interface RawRequest {
  method: string;
  path: string;
  /** The body parsed as JSON (an empty object when it is not a JSON object). */
  body: Record<string, unknown>;
}

export interface MisbehavingUpstream {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Connections still open (the router must close the ones it gives up on). */
  openSockets(): number;
  /** Resolves once every connection has closed; rejects after `timeoutMs`. */
  waitForNoSockets(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * An upstream that answers with raw bytes on the socket, so a test can send what no well-behaved HTTP
 * server library will write: invalid status codes (000, 600, 999), a body that stops after the headers,
 * endless lines, compressed bytes, redirects. `answer` gets each request (read whole: Content-Length
 * bodies only) and the socket, and writes whatever it likes; it owns the socket from then on.
 * The request side is strict HTTP/1.1 as the router sends it; nothing here validates API semantics
 * (use the family mocks for that).
 */
export async function startMisbehavingUpstream(answer: (request: RawRequest, socket: net.Socket) => void): Promise<MisbehavingUpstream> {
  const sockets = new Set<net.Socket>();
  const closedWaiters: Array<() => void> = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined); // the router hanging up is what many tests expect
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const wake of closedWaiters.splice(0)) wake();
    });
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const head = buffered.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < headEnd + 4 + length) return;
      socket.off('data', onData);
      const [method = '', path = ''] = head.split(' ', 2);
      let body: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(buffered.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch {
        // not JSON: an empty body for `answer`
      }
      answer({ method, path: path.split('?', 1)[0] ?? '', body }, socket);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    openSockets: () => sockets.size,
    waitForNoSockets: (timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        if (sockets.size === 0) return resolve();
        const timer = setTimeout(() => reject(new Error(`${sockets.size} upstream connection(s) still open after ${timeoutMs}ms`)), timeoutMs);
        closedWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
