import { toHeaderMap } from '@llm-router/core';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TLSSocket } from 'node:tls';
import { parseJsonOrUndefined } from './json-value.js';
import type { MockOptions, MockUpstream, RecordedRequest, ScriptedResponse } from './mock-upstream.js';
import { selfSignedCertificate } from './self-signed-certificate.js';
import { jsonAnswer, rawAnswer, sseAnswer, type AnswerPlan, type Rejection, type WireAnswer } from './wire-answer.js';

/** What an API family (OpenAI, Anthropic) plugs into the shared server. */
export interface MockFamily {
  /** Response header carrying `req_mock_<n>`: OpenAI `x-request-id`, Anthropic `request-id`. */
  readonly requestIdHeader: string;
  /** Auth, routing, content type and validation; the answers for an accepted request. */
  handle(request: RecordedRequest, requestId: string): AnswerPlan | Rejection;
  /** The family's error body for a scripted status that came without a body. */
  errorBody(status: number, requestId: string, model: string | undefined): unknown;
}

const DEFAULT_WAIT_MS = 5000;

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

/** Per-response bookkeeping: set when the mock itself kills the connection, so it is not a client abort. */
interface ResponseState {
  closedByMock: boolean;
}

class MockServer implements MockUpstream {
  readonly requests: RecordedRequest[] = [];
  origin = '';
  streamsStarted = 0;
  streamsCompleted = 0;
  clientAborts = 0;

  private readonly queue: ScriptedResponse[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly waiters = new Set<Waiter>();
  private readonly shutdown = new AbortController();
  private requestCount = 0;
  private abortWaits = 0;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly server: Server,
    private readonly family: MockFamily,
    private readonly chunkDelayMs: number,
    readonly tlsCertificate: string | undefined,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `${this.tlsCertificate === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;
  }

  enqueue(...responses: ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  waitForClientAbort(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const target = ++this.abortWaits;
    return this.waitFor(() => this.clientAborts >= target, timeoutMs, `client abort #${target}`);
  }

  waitForStreamsCompleted(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitFor(() => this.streamsCompleted >= count, timeoutMs, `${count} completed stream(s)`);
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.streamsStarted = 0;
    this.streamsCompleted = 0;
    this.clientAborts = 0;
    this.abortWaits = 0;
    this.requestCount = 0;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.shutdown.abort();
      for (const socket of this.sockets) socket.destroy();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
      for (const waiter of this.waiters) waiter.fail(new Error('mock upstream closed while waiting'));
      this.waiters.clear();
    })();
    return this.closing;
  }

  private waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => waiter.fail(new Error(`mock upstream: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      const waiter: Waiter = {
        check: () => {
          if (!done()) return;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const state: ResponseState = { closedByMock: false };
    res.once('close', () => {
      if (res.writableFinished || state.closedByMock || this.closing !== undefined) return;
      this.clientAborts++;
      this.notify();
    });
    const requestId = `req_mock_${++this.requestCount}`;

    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      return; // the client went away while sending the body; the close handler counted it
    }
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      headers: toHeaderMap(req.headers),
      body: parseJsonOrUndefined(rawBody),
      rawBody,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const idHeader = { [this.family.requestIdHeader]: requestId };

    const outcome = this.family.handle(recorded, requestId);
    if (outcome.kind === 'reject') {
      const answer = jsonAnswer(outcome.body, outcome.status);
      await this.send(res, { ...answer, headers: { ...answer.headers, ...idHeader } }, this.chunkDelayMs, undefined);
      return;
    }

    const script = this.queue.shift() ?? {};
    if (script.delayHeadersMs !== undefined && script.delayHeadersMs > 0) {
      if (!(await this.pause(script.delayHeadersMs)) || res.destroyed) return;
    }
    if (script.resetConnection === true) {
      state.closedByMock = true;
      resetSocket(req.socket);
      return;
    }
    const answer = this.scriptedAnswer(script, outcome, requestId);
    const headers = { ...answer.headers, ...idHeader, ...lowerCaseKeys(script.headers ?? {}) };
    await this.send(res, { ...answer, headers }, script.chunkDelayMs ?? this.chunkDelayMs, script.stallAfterFrames);
  }

  private scriptedAnswer(script: ScriptedResponse, plan: AnswerPlan, requestId: string): WireAnswer {
    const status = script.status ?? 200;
    if (script.rawBody !== undefined) return rawAnswer(script.rawBody, status);
    if (script.body !== undefined) return jsonAnswer(script.body, status);
    if (status < 200 || status > 299) return jsonAnswer(this.family.errorBody(status, requestId, plan.model), status);
    if (script.frames !== undefined) return { ...sseAnswer(script.frames), status };
    const answer = script.midstreamError === true ? plan.midstream : plan.success;
    return { ...answer, status };
  }

  /**
   * Writes the answer chunk by chunk, `delayMs` apart, then ends it; with `stallAfter` it writes that
   * many chunks and leaves the response open. Stops quietly when the client or `close()` ends the socket.
   * Backpressure is ignored on purpose: answers are a few kilobytes and Node buffers them.
   */
  private async send(res: ServerResponse, answer: WireAnswer, delayMs: number, stallAfter: number | undefined): Promise<void> {
    const headers = { ...answer.headers };
    if (!answer.sse && stallAfter === undefined) headers['content-length'] = String(Buffer.byteLength(answer.chunks.join('')));
    res.writeHead(answer.status, headers);
    if (answer.sse || stallAfter !== undefined) res.flushHeaders();
    if (answer.sse) this.streamsStarted++;
    const count = stallAfter === undefined ? answer.chunks.length : Math.min(stallAfter, answer.chunks.length);
    for (let i = 0; i < count; i++) {
      if (i > 0 && delayMs > 0 && !(await this.pause(delayMs))) return;
      if (res.destroyed) return;
      res.write(answer.chunks[i]);
    }
    if (stallAfter !== undefined || res.destroyed) return;
    if (answer.sse) {
      res.once('finish', () => {
        this.streamsCompleted++;
        this.notify();
      });
    }
    res.end();
  }

  /** Sleeps unless the mock is closed first; false when it was. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.shutdown.signal });
      return true;
    } catch {
      return false;
    }
  }
}

/** Starts a mock for `family` on 127.0.0.1, a free port, HTTP or (with `tls`) HTTPS. */
export async function startMockServer(family: MockFamily, options: MockOptions): Promise<MockUpstream> {
  let server: Server;
  let certificate: string | undefined;
  if (options.tls === true) {
    const pair = await selfSignedCertificate();
    server = createHttpsServer({ key: pair.key, cert: pair.cert });
    certificate = pair.cert;
  } else {
    server = createHttpServer();
  }
  // Node closes idle keep-alive sockets after 5 s by default; a client pool that reuses one just then gets
  // ECONNRESET on a POST it will not retry. Real APIs keep connections far longer, so the mock does too
  // (close() still destroys them).
  server.keepAliveTimeout = 120_000;
  const mock = new MockServer(server, family, options.chunkDelayMs ?? 0, certificate);
  await mock.listen();
  return mock;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A TCP reset (ECONNRESET at the client). TLS sockets cannot be reset through their handle: destroy them. */
function resetSocket(socket: Socket): void {
  if (socket instanceof TLSSocket) socket.destroy();
  else socket.resetAndDestroy();
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
