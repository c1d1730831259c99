import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, newReqId, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(30_000);

// Every secret the router holds, each distinctive, so "appears nowhere" is a sharp check.
const KEYS = {
  openai: 'sk-upstream-openai-key-1a2b3c4d5e6f',
  anthropic: 'sk-ant-upstream-key-7g8h9i0j1k2l',
  ollama: 'ollama-upstream-key-3m4n5o6p7q8r',
} as const;
const FORCED_SECRET = 'forced-header-secret-9s8t7u6v5w';
const MODEL_FORCED_SECRET = 'model-forced-secret-4x3y2z1a0b';
const URL_USER = 'routeruser';
const URL_PASSWORD = 'url-password-c1d2e3f4g5h6';
const ROUTER_SECRETS = [...Object.values(KEYS), FORCED_SECRET, MODEL_FORCED_SECRET, URL_PASSWORD, Buffer.from(`${URL_USER}:${URL_PASSWORD}`).toString('base64')];

type Family = 'openai' | 'anthropic' | 'ollama';
type Attack = 'error-body' | 'error-header' | 'stream-error-frame' | 'content' | 'plain';

// ---------------------------------------------------------------------------------------------
// A misbehaving upstream speaking all three families: it quotes every credential it was sent
// (Authorization, x-api-key, the forced header, the decoded Basic userinfo) wherever the request's
// `x-attack` header (sent by the client, forwarded by the router) tells it to.
// ---------------------------------------------------------------------------------------------

function quotedCredentials(req: IncomingMessage): string {
  const seen: string[] = [];
  for (const name of ['authorization', 'x-api-key', 'x-secret', 'x-model-secret']) {
    const value = req.headers[name];
    if (typeof value === 'string') seen.push(value);
  }
  const basic = /^Basic (.+)$/.exec(req.headers['authorization'] ?? '');
  if (basic?.[1] !== undefined) seen.push(Buffer.from(basic[1], 'base64').toString('utf8'));
  return seen.join(' | ');
}

function familyOf(path: string): Family {
  if (path.startsWith('/v1/chat/completions')) return 'openai';
  if (path.startsWith('/v1/messages')) return 'anthropic';
  return 'ollama';
}

function errorBody(family: Family, message: string): string {
  if (family === 'openai') return JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  if (family === 'anthropic') return JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message } });
  return JSON.stringify({ error: message });
}

function completeAnswer(family: Family, text: string): string {
  if (family === 'openai') {
    return JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'up-model',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
  if (family === 'anthropic') {
    return JSON.stringify({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'up-model',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    });
  }
  return JSON.stringify({
    model: 'up-model',
    created_at: '2026-01-01T00:00:00Z',
    message: { role: 'assistant', content: text },
    done: true,
    done_reason: 'stop',
    prompt_eval_count: 1,
    eval_count: 1,
  });
}

/** The stream's frames: a content frame with `text`, then either a normal ending or an in-band error quoting `error`. */
function streamFrames(family: Family, text: string, error: string | undefined): string[] {
  if (family === 'openai') {
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'up-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const start = [chunk({ role: 'assistant', content: '' }, null), chunk({ content: text }, null)];
    if (error !== undefined) return [...start, `data: ${JSON.stringify({ error: { message: error, type: 'server_error', param: null, code: null } })}\n\n`];
    return [...start, chunk({}, 'stop'), 'data: [DONE]\n\n'];
  }
  if (family === 'anthropic') {
    const event = (name: string, data: object) => `event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`;
    const start = [
      event('message_start', {
        message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'up-model', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 0 } },
      }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ];
    if (error !== undefined) return [...start, event('error', { error: { type: 'overloaded_error', message: error } })];
    return [
      ...start,
      event('content_block_stop', { index: 0 }),
      event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }),
      event('message_stop', {}),
    ];
  }
  const line = (value: object) => `${JSON.stringify(value)}\n`;
  const start = [line({ model: 'up-model', created_at: '2026-01-01T00:00:00Z', message: { role: 'assistant', content: text }, done: false })];
  if (error !== undefined) return [...start, line({ error })];
  return [
    ...start,
    line({ model: 'up-model', created_at: '2026-01-01T00:00:00Z', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 1, eval_count: 1 }),
  ];
}

function misbehave(req: IncomingMessage, res: ServerResponse, body: string): void {
  const family = familyOf(req.url ?? '');
  const attack = (req.headers['x-attack'] ?? 'plain') as Attack;
  const requested = (JSON.parse(body) as { stream?: unknown }).stream;
  // Ollama streams unless told not to; the others only when asked.
  const stream = family === 'ollama' ? requested !== false : requested === true;
  const quoted = quotedCredentials(req);
  const json = { 'content-type': 'application/json' };
  switch (attack) {
    case 'error-body':
      res.writeHead(400, json).end(errorBody(family, `Incorrect API key provided: ${quoted}`));
      return;
    case 'error-header':
      res
        .writeHead(429, {
          ...json,
          'x-debug-key': quoted,
          'x-ratelimit-remaining-requests': `0 (for ${quoted})`,
          'request-id': `req-for-${quoted}`,
          'x-request-id': `upstream-${quoted}`,
          'retry-after': '7',
        })
        .end(errorBody(family, 'rate limited'));
      return;
    case 'stream-error-frame':
    case 'content':
    case 'plain': {
      const text = attack === 'plain' ? 'hello' : `your key is ${quoted}`;
      const error = attack === 'stream-error-frame' ? `upstream failed for ${quoted}` : undefined;
      if (!stream) {
        res.writeHead(200, json).end(completeAnswer(family, text));
        return;
      }
      res.writeHead(200, { 'content-type': family === 'ollama' ? 'application/x-ndjson' : 'text/event-stream' });
      for (const frame of streamFrames(family, text, error)) res.write(frame);
      res.end();
      return;
    }
  }
}

interface ClientView {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: string;
  /** Everything the client received, as one string: status line, headers, body. */
  all: string;
}

/** A raw HTTP request to the router; fails if the answer does not end within `timeoutMs` (a hung stream). */
function send(url: string, body: unknown, headers: Record<string, string>, timeoutMs = 10_000): Promise<ClientView> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const view = { status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', rawHeaders: res.rawHeaders, body: text };
        resolve({ ...view, all: `${view.status} ${view.statusMessage}\n${res.rawHeaders.join('\n')}\n\n${text}` });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no complete answer from ${url} within ${timeoutMs}ms`));
    }, timeoutMs);
    req.on('error', reject);
    req.end(payload);
  });
}

const CLIENTS = {
  openai: { path: '/v1/chat/completions', body: (model: string, stream: boolean) => ({ model, stream, messages: [{ role: 'user', content: 'hi' }] }) },
  anthropic: {
    path: '/v1/messages',
    body: (model: string, stream: boolean) => ({ model, stream, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
  },
} as const;
type ClientFormat = keyof typeof CLIENTS;

function expectNoSecret(text: string): void {
  for (const secret of ROUTER_SECRETS) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe('security: secrets the router holds never reach a client or the log', () => {
  let upstream: Server;
  let upstreamOrigin = '';
  const upstreamSaw: string[] = [];
  let router: RunningRouter;
  let deadPort = 0;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        upstreamSaw.push(quotedCredentials(req));
        misbehave(req, res, body);
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const withUserinfo = upstreamOrigin.replace('http://', `http://${URL_USER}:${URL_PASSWORD}@`);
    deadPort = await freePort();
    const noRetry = { max_retries: 0 };
    router = await startRouter({
      config: {
        server: { log_requests: true, log_responses: true },
        header_rules: { force_headers: { 'x-secret': FORCED_SECRET } },
        models: {
          openai: { provider: 'openai', endpoint: `${upstreamOrigin}/v1`, api_key: KEYS.openai, retry_config: noRetry, header_rules: { force_headers: { 'x-model-secret': MODEL_FORCED_SECRET } } },
          // Userinfo in the endpoint: the HTTP client sends it as Basic credentials (beside x-api-key).
          anthropic: { provider: 'anthropic', endpoint: withUserinfo, api_key: KEYS.anthropic, retry_config: noRetry },
          ollama: { provider: 'ollama', endpoint: upstreamOrigin, api_key: KEYS.ollama, retry_config: noRetry },
          echo: { provider: 'echo', header_rules: { force_headers: { 'x-model-secret': MODEL_FORCED_SECRET } } },
          unreachable: { provider: 'openai', endpoint: `http://127.0.0.1:${deadPort}/v1`, api_key: KEYS.openai, retry_config: noRetry },
        },
      },
    });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  }, 20_000);

  const cases: Array<[Family, ClientFormat, Attack, boolean]> = [];
  for (const family of ['openai', 'anthropic', 'ollama'] as const) {
    for (const client of ['openai', 'anthropic'] as const) {
      for (const [attack, streams] of [
        ['error-body', [false, true]],
        ['error-header', [false, true]],
        ['stream-error-frame', [true]],
        ['content', [false, true]],
      ] as const) {
        for (const stream of streams) cases.push([family, client, attack, stream]);
      }
    }
  }

  it.each(cases)(
    'an %s upstream quoting the credentials it was sent (%s client, %s, stream: %s) does not reach the client',
    async (family, client, attack, stream) => {
      const reqId = newReqId(`quote-${family}-${client}-${attack}`);
      const seenBefore = upstreamSaw.length;
      const answer = await send(`${router.url}${CLIENTS[client].path}`, CLIENTS[client].body(family, stream), { 'x-attack': attack, 'x-request-id': reqId });
      // The attack was real: the upstream quoted at least the model's key or its Basic credentials.
      const quoted = upstreamSaw[seenBefore] ?? '';
      expect(quoted).toContain(family === 'anthropic' ? URL_PASSWORD : KEYS[family]);
      expect(quoted).toContain(FORCED_SECRET);
      expectNoSecret(answer.all);
      if (attack === 'content') {
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('your key is');
        expect(answer.body).toContain('[redacted]');
      }
      if (attack === 'error-header') {
        expect(answer.status).toBe(429);
        const names = answer.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
        expect(names).not.toContain('x-debug-key');
      }
      const line = await waitForRequestLine(router, reqId);
      expectNoSecret(JSON.stringify(line));
    },
  );

  it('relays the allowlisted upstream headers (rate limits, request ids, retry-after), redacted', async () => {
    const answer = await send(`${router.url}/v1/chat/completions`, CLIENTS.openai.body('openai', false), { 'x-attack': 'error-header' });
    const headers = new Map<string, string>();
    for (let i = 0; i < answer.rawHeaders.length; i += 2) headers.set(answer.rawHeaders[i]!.toLowerCase(), answer.rawHeaders[i + 1]!);
    expect(headers.get('retry-after')).toBe('7');
    expect(headers.get('x-ratelimit-remaining-requests')).toMatch(/^0 \(for .*\[redacted\]/);
    expect(headers.get('x-upstream-request-id')).toContain('[redacted]');
    expect(headers.has('x-debug-key')).toBe(false);
  });

  it.each([false, true])('echo with force_headers secrets does not show them (stream: %s)', async (stream) => {
    const answer = await send(`${router.url}/v1/chat/completions`, CLIENTS.openai.body('echo', stream), {});
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('x-secret');
    expect(answer.body).toContain('[redacted]');
    expectNoSecret(answer.all);
  });

  it.each([false, true])('an unreachable upstream is reported without its internal address (stream: %s)', async (stream) => {
    const reqId = newReqId('unreachable');
    const answer = await send(`${router.url}/v1/chat/completions`, CLIENTS.openai.body('unreachable', stream), { 'x-request-id': reqId });
    expect(answer.status).toBe(502);
    expect(answer.body).toContain("The openai upstream for model 'unreachable' is unreachable.");
    expect(answer.all).not.toContain(String(deadPort));
    expect(answer.all).not.toContain('127.0.0.1');
    expect(answer.all).not.toContain('ECONNREFUSED');
    // The log keeps the detail.
    const line = await waitForRequestLine(router, reqId);
    expect(String(line['error'])).toContain('ECONNREFUSED');
  });

  it.each([false, true])(
    'a client field name with CR/LF and non-ASCII text in x-router-warnings neither hangs the stream nor fails the reply (stream: %s)',
    async (stream) => {
      const body = `{"model":"openai","stream":${stream},"max_tokens":16,"messages":[{"role":"user","content":"hi"}],"\u00e9\\r\\nx-injected: 1":true}`;
      const answer = await send(`${router.url}/v1/messages`, body, { 'x-attack': 'plain' });
      expect(answer.status).toBe(200);
      const index = answer.rawHeaders.findIndex((name) => name.toLowerCase() === 'x-router-warnings');
      expect(index).toBeGreaterThanOrEqual(0);
      expect(answer.rawHeaders[index + 1]).toContain('%C3%A9%0D%0Ax-injected: 1: not translated, dropped');
      expect(answer.rawHeaders.map((h) => h.toLowerCase())).not.toContain('x-injected');
      expect(answer.body).toContain('hello');
    },
  );

  it('a 5 KB body of arrays nested 2,500 deep with log_requests is answered, and the router stays up', async () => {
    const deep = `${'['.repeat(2_500)}${']'.repeat(2_500)}`;
    const reqId = newReqId('deep');
    const answer = await send(`${router.url}/v1/chat/completions`, `{"model":"echo","messages":[{"role":"user","content":"hi"}],"metadata":${deep}}`, { 'x-request-id': reqId });
    expect(answer.status).toBeGreaterThanOrEqual(200);
    await waitForRequestLine(router, reqId);
    // Still alive: a second request and the liveness probe answer.
    const second = await send(`${router.url}/v1/chat/completions`, CLIENTS.openai.body('echo', false), {});
    expect(second.status).toBe(200);
    const live = await fetch(`${router.url}/health/live`);
    expect(live.status).toBe(200);
    expect(router.process.exitCode).toBeNull();
  });

  it('masks endpoint URL userinfo in every log line', async () => {
    const reqId = newReqId('userinfo');
    await send(`${router.url}/v1/messages`, CLIENTS.anthropic.body('anthropic', false), { 'x-attack': 'plain', 'x-request-id': reqId });
    const line = await waitForRequestLine(router, reqId);
    // The router splits userinfo off the endpoint at boot (it is sent as Authorization: Basic), so the URL it
    // sends to and logs carries none.
    expect(String(line['upstreamUrl'])).toBe(`${upstreamOrigin}/v1/messages`);
    const output = router.lines.join('\n');
    expect(output).not.toContain(URL_PASSWORD);
    expect(output).not.toContain(`${URL_USER}:`);
  });

  it('never prints a secret it holds in any log line', () => {
    const output = router.lines.join('\n');
    expect(output.length).toBeGreaterThan(0);
    expectNoSecret(output);
  });
});
