import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { openAIModel, postDeclaringLength, postJson } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Security tests of the HTTP edge: every attack against the built router, each answered in the client's
// own format (OpenAI `{error:{...}}`, Anthropic `{type:"error",...}` on /v1/messages), router alive after.

const REQUEST_TIMEOUT_S = 1;
const KEEP_ALIVE_TIMEOUT_S = 1;

interface RawAnswer {
  status: number;
  head: string;
  body: string;
  /** Whether the router closed the connection. */
  closed: boolean;
}

/** Writes `bytes` on a fresh TCP connection (and `more` after `moreAfterMs`), reads until the router closes it or `waitMs` pass. */
function rawExchange(url: string, bytes: string, options: { waitMs?: number } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: split === -1 ? '' : text.slice(split + 4), closed });
      socket.destroy();
    };
    const timer = setTimeout(finish, options.waitMs ?? 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

function expectOpenAIError(body: unknown, type = 'invalid_request_error'): void {
  expect(body).toMatchObject({ error: { message: expect.any(String), type } });
  expect(body).toHaveProperty('error.param');
  expect(body).toHaveProperty('error.code');
}

function expectAnthropicError(body: unknown, type = 'invalid_request_error'): void {
  expect(body).toMatchObject({ type: 'error', error: { type, message: expect.any(String) } });
}

describe('security: the HTTP edge', () => {
  let upstream: MockUpstream;
  let router: RunningRouter;
  let corsRouter: RunningRouter;

  const alive = async (target: RunningRouter = router) => {
    const health = await fetch(`${target.url}/health`);
    expect(health.status).toBe(200);
  };

  beforeAll(async () => {
    upstream = await startMockOpenAI({ chunkDelayMs: 250 });
    router = await startRouter({
      config: {
        server: { body_limit_mb: 2, max_inflight_body_mb: 2, max_json_depth: 64, request_timeout: REQUEST_TIMEOUT_S, keep_alive_timeout: KEEP_ALIVE_TIMEOUT_S },
        models: { echo: { provider: 'echo' }, 'gpt-slow': openAIModel(upstream, 'gpt-4o-2024-08-06') },
      },
    });
    corsRouter = await startRouter({
      config: { server: { cors: { allowed_origins: ['https://app.example.com'] } }, models: { echo: { provider: 'echo' } } },
    });
  }, 40_000);

  afterAll(async () => {
    await router?.stop();
    await corsRouter?.stop();
    await upstream?.close();
  });

  describe('deep nesting', () => {
    it('deep nesting: a body nested past server.max_json_depth is a 400 in the client format (not a 500), on every API route', async () => {
      const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      const chat = await postJson(`${router.url}/v1/chat/completions`, `{"model":"echo","messages":[{"role":"user","content":"hi"}],"metadata":${deep(5000)}}`);
      expect(chat.status).toBe(400);
      expectOpenAIError(await chat.json());
      const messages = await postJson(`${router.url}/v1/messages`, `{"model":"echo","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"metadata":${deep(5000)}}`);
      expect(messages.status).toBe(400);
      expectAnthropicError(await messages.json());
      const arrays = await postJson(`${router.url}/v1/completions`, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      expect(arrays.status).toBe(400);
      expect(((await arrays.json()) as { error: { message: string } }).error.message).toContain('deeper than 64 levels');
      await alive();
    });
  });

  describe('cross-site requests', () => {
    it('cross-site form post: form-urlencoded, multipart, text/plain and untyped bodies to /v1/completions are 415s, never answered 200', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'text/plain;charset=UTF-8']) {
        const response = await fetch(`${router.url}/v1/completions`, { method: 'POST', headers: { 'content-type': type }, body: 'model=echo&prompt=hi' });
        expect(response.status).toBe(415);
        expectOpenAIError(await response.json());
      }
      const untyped = await rawExchange(router.url, 'POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      expect(untyped.status).toBe(415);
      expectAnthropicError(JSON.parse(untyped.body));
      await alive();
    });

    it('cross-site preflight with CORS off: OPTIONS gets no CORS allow headers, only a 404 in the client format', async () => {
      const response = await fetch(`${router.url}/v1/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
      expectOpenAIError(await response.json());
      await alive();
    });

    it('cross-site preflight with CORS on: only a configured origin is allowed, and answers vary by Origin', async () => {
      const preflight = (origin: string) =>
        fetch(`${corsRouter.url}/v1/messages`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' } });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      expect(allowed.headers.get('vary')).toContain('Origin');
      const refused = await preflight('https://evil.example');
      expect(refused.status).toBe(404);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('vary')).toContain('Origin');
      expectAnthropicError(await refused.json(), 'not_found_error');
      const actual = await postJson(`${corsRouter.url}/v1/messages`, { model: 'echo', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }, { origin: 'https://app.example.com' });
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      await alive(corsRouter);
    });
  });

  describe('memory and slow clients', () => {
    it('memory exhaustion: concurrent bodies beyond server.max_inflight_body_mb get a 503 in the client format, one within it succeeds, and the budget is released', async () => {
      const body = JSON.stringify({ model: 'echo', prompt: 'x'.repeat(1_500_000) });
      // A holds 1.5 MB of the 2 MB budget: its Content-Length is declared, its body trickles.
      const holder = httpRequest(`${router.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
      const held = new Promise<number>((resolve, reject) => {
        holder.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        holder.on('error', reject);
      });
      holder.write(body.slice(0, 1000));
      await new Promise((resolve) => setTimeout(resolve, 200));

      const refused = await postDeclaringLength(`${router.url}/v1/messages`, JSON.stringify({ model: 'echo', max_tokens: 5, messages: [{ role: 'user', content: 'x'.repeat(1_000_000) }] }));
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expectAnthropicError(JSON.parse(refused.text), 'overloaded_error');

      const small = await postJson(`${router.url}/v1/completions`, { model: 'echo', prompt: 'within the budget' });
      expect(small.status).toBe(200);

      holder.end(body.slice(1000));
      expect(await held).toBe(200);
      // Released: the same large body fits now.
      const again = await postJson(`${router.url}/v1/messages`, { model: 'echo', max_tokens: 5, messages: [{ role: 'user', content: 'x'.repeat(1_000_000) }] });
      expect(again.status).toBe(200);
      await alive();
    });

    it('memory exhaustion: an aborted upload releases its share of the budget', async () => {
      const body = JSON.stringify({ model: 'echo', prompt: 'x'.repeat(1_500_000) });
      const aborted = httpRequest(`${router.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
      aborted.on('error', () => undefined);
      aborted.write(body.slice(0, 1000));
      await new Promise((resolve) => setTimeout(resolve, 200));
      aborted.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await postJson(`${router.url}/v1/completions`, body);
      expect(after.status).toBe(200);
      await alive();
    });

    it('slow upload: a body still trickling after server.request_timeout gets a 408 in the client format and the connection is closed', async () => {
      const started = Date.now();
      const answer = await rawExchange(router.url, 'POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"model":', { waitMs: 10_000 });
      expect(answer.status).toBe(408);
      expect(answer.closed).toBe(true);
      expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_S * 1000 + 3000);
      expectAnthropicError(JSON.parse(answer.body));
      await alive();
    });

    it('slow headers: headers still trickling after server.request_timeout get a 408 and the connection is closed', async () => {
      const answer = await rawExchange(router.url, 'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: ', { waitMs: 10_000 });
      expect(answer.status).toBe(408);
      expect(answer.closed).toBe(true);
      expectOpenAIError(JSON.parse(answer.body));
      await alive();
    });

    it('idle keep-alive: a connection left idle after an answer is closed after server.keep_alive_timeout', async () => {
      const started = Date.now();
      const answer = await rawExchange(router.url, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n', { waitMs: 10_000 });
      expect(answer.status).toBe(200);
      expect(answer.closed).toBe(true);
      expect(Date.now() - started).toBeLessThan(KEEP_ALIVE_TIMEOUT_S * 1000 + 3000);
    });

    it('long streams are not upload time: a stream lasting past server.request_timeout and keep_alive_timeout runs to its end', async () => {
      const started = Date.now();
      const response = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-slow', stream: true, messages: [{ role: 'user', content: 'hi' }] });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(Date.now() - started).toBeGreaterThan((REQUEST_TIMEOUT_S + KEEP_ALIVE_TIMEOUT_S) * 1000);
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
      expect(upstream.streamsCompleted).toBeGreaterThanOrEqual(1);
    }, 30_000);
  });

  describe('HTTP-level errors in the client format', () => {
    it('bad Content-Length: a malformed length is a raw 400 with a JSON body in the client format, then the connection closes', async () => {
      const anthropic = await rawExchange(router.url, 'POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}');
      expect(anthropic.status).toBe(400);
      expect(anthropic.head.toLowerCase()).toContain('connection: close');
      expectAnthropicError(JSON.parse(anthropic.body));
      const openai = await rawExchange(router.url, 'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}');
      expect(openai.status).toBe(400);
      expectOpenAIError(JSON.parse(openai.body));
      await alive();
    });

    it('header flood: 200 KB of headers is a 431 in the client format', async () => {
      const answer = await rawExchange(router.url, `POST /v1/messages HTTP/1.1\r\nHost: x\r\nX-Flood: ${'a'.repeat(200_000)}\r\n\r\n`);
      expect(answer.status).toBe(431);
      expectAnthropicError(JSON.parse(answer.body));
      await alive();
    });

    it('wrong method and unknown path: PUT, DELETE and unknown URLs are 404s in the client format (Anthropic by path or anthropic-version)', async () => {
      for (const method of ['PUT', 'DELETE']) {
        const response = await fetch(`${router.url}/v1/chat/completions`, { method });
        expect(response.status).toBe(404);
        expectOpenAIError(await response.json());
      }
      const put = await fetch(`${router.url}/v1/messages`, { method: 'PUT' });
      expectAnthropicError(await put.json(), 'not_found_error');
      const unknown = await fetch(`${router.url}/v1/nope`, { headers: { 'anthropic-version': '2023-06-01' } });
      expect(unknown.status).toBe(404);
      expectAnthropicError(await unknown.json(), 'not_found_error');
      const badUrl = await rawExchange(router.url, 'GET /v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(badUrl.status).toBeGreaterThanOrEqual(400);
      expect(badUrl.status).toBeLessThan(500);
      expectOpenAIError(JSON.parse(badUrl.body));
      await alive();
    });

    it('empty conversation: messages [] (chat and Anthropic) and count_tokens without valid messages are 400s in the client format', async () => {
      const chat = await postJson(`${router.url}/v1/chat/completions`, { model: 'echo', messages: [] });
      expect(chat.status).toBe(400);
      expectOpenAIError(await chat.json());
      const messages = await postJson(`${router.url}/v1/messages`, { model: 'echo', max_tokens: 5, messages: [] });
      expect(messages.status).toBe(400);
      expectAnthropicError(await messages.json());
      for (const body of [{ model: 'echo' }, { model: 'echo', messages: 'hi' }, { model: 'echo', messages: [] }]) {
        const count = await postJson(`${router.url}/v1/messages/count_tokens`, body);
        expect(count.status).toBe(400);
        expectAnthropicError(await count.json());
      }
      await alive();
    });

    it('prototype poisoning: __proto__ and constructor.prototype keys are 400s in the client format', async () => {
      for (const body of ['{"model":"echo","prompt":"x","__proto__":{"admin":true}}', '{"model":"echo","prompt":"x","constructor":{"prototype":{"admin":true}}}']) {
        const response = await postJson(`${router.url}/v1/completions`, body);
        expect(response.status).toBe(400);
        expectOpenAIError(await response.json());
      }
      await alive();
    });
  });

  describe('client headers next to the router key', () => {
    it("billing redirection: OpenAI-Organization, OpenAI-Project and x-goog-api-key from the client never reach the upstream; anthropic-beta does", async () => {
      const response = await postJson(
        `${router.url}/v1/messages`,
        { model: 'echo', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
        { 'OpenAI-Organization': 'org-attacker', 'OpenAI-Project': 'proj-attacker', 'x-goog-api-key': 'AIza-attacker', 'anthropic-beta': 'interleaved-thinking-2025-05-14' },
      );
      expect(response.status).toBe(200);
      const echoed = JSON.parse(((await response.json()) as { content: Array<{ text: string }> }).content[0]?.text ?? '{}') as { headers: Record<string, string> };
      expect(echoed.headers).not.toHaveProperty('openai-organization');
      expect(echoed.headers).not.toHaveProperty('openai-project');
      expect(echoed.headers).not.toHaveProperty('x-goog-api-key');
      expect(echoed.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14');
    });
  });
});
