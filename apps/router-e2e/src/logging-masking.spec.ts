import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { request as httpRequest } from 'node:http';
import { anthropicClient, maskedForm, newReqId, openaiClient, requestLinesFor, sleep, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

// Each secret is distinctive, so "not anywhere in the output" is a sharp check.
const CONFIGURED_OPENAI_KEY = 'sk-configured-openai-1a2b3c4d5e6f7g8h';
const CONFIGURED_ANTHROPIC_KEY = 'sk-ant-configured-9i8u7y6t5r4e3w2q';
const CLIENT_BEARER = 'sk-client-bearer-token-9z8y7x6w5v4u';
const CLIENT_X_API_KEY = 'clientxapikey-plain-q1w2e3r4t5y6'; // no recognisable prefix: masked by header name / per request
const CLIENT_ANTHROPIC_KEY = 'sk-ant-client-key-m1n2b3v4c5x6z7';
const BODY_TEXT_KEY = 'sk-bodytext-secret-a1s2d3f4g5h6';
const BODY_FIELD_KEY = 'fieldsecret-z1x2c3v4b5n6m7l8'; // masked as the value of an `api_key` field
const QUERY_KEY = 'AIzaSyQueryKey-p0o9i8u7y6t5r4';
const CLIENT_API_KEY_HEADER = 'azurestyleapikey-k9j8h7g6f5d4'; // sent as `api-key`, and repeated in the body echo answers with

const ALL_SECRETS = [
  CONFIGURED_OPENAI_KEY,
  CONFIGURED_ANTHROPIC_KEY,
  CLIENT_BEARER,
  CLIENT_X_API_KEY,
  CLIENT_ANTHROPIC_KEY,
  BODY_TEXT_KEY,
  BODY_FIELD_KEY,
  QUERY_KEY,
  CLIENT_API_KEY_HEADER,
];

describe('request logging with masking (log_requests + log_responses, mask_api_keys default)', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;
  const ids = {
    chat: newReqId('log-chat'),
    stream: newReqId('log-stream'),
    anthropic: newReqId('log-anthropic'),
    unknown: newReqId('log-unknown'),
    upstreamError: newReqId('log-503'),
    echo: newReqId('log-echo'),
    badJson: newReqId('log-bad-json'),
  };
  let echoAnswer = '';
  let chatStatus = 0;

  beforeAll(async () => {
    openai = await startMockOpenAI({ apiKey: CONFIGURED_OPENAI_KEY, chunkDelayMs: 5 });
    anthropic = await startMockAnthropic({ apiKey: CONFIGURED_ANTHROPIC_KEY });
    router = await startRouter({
      config: {
        server: { log_requests: true, log_responses: true },
        models: {
          'gpt-log': { provider: 'openai', endpoint: `${openai.origin}/v1`, api_key: CONFIGURED_OPENAI_KEY, actual_model_name: 'gpt-4.1-mini' },
          'gpt-log-503': {
            provider: 'openai',
            endpoint: `${openai.origin}/v1`,
            api_key: CONFIGURED_OPENAI_KEY,
            retry_config: { max_retries: 1, initial_delay: 0.05 },
          },
          'claude-log': { provider: 'anthropic', endpoint: anthropic.origin, api_key: CONFIGURED_ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5' },
          'echo-log': { provider: 'echo' },
        },
      },
    });

    // 1. Non-streamed chat with a secret in every place a client can put one.
    const response = await fetch(`${router.url}/v1/chat/completions?key=${QUERY_KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_BEARER}`, 'x-api-key': CLIENT_X_API_KEY, 'x-request-id': ids.chat },
      body: JSON.stringify({
        model: 'gpt-log',
        messages: [{ role: 'user', content: `my key is ${BODY_TEXT_KEY}, please keep it` }],
        metadata: { api_key: BODY_FIELD_KEY },
      }),
    });
    chatStatus = response.status;
    await response.text();

    // 2. A streamed chat through the SDK.
    const stream = await openaiClient(router, CLIENT_BEARER).chat.completions.create(
      { model: 'gpt-log', messages: [{ role: 'user', content: 'stream please' }], stream: true },
      { headers: { 'x-request-id': ids.stream } },
    );
    for await (const _chunk of stream) {
      // drain
    }

    // 3. The Anthropic SDK, whose key travels in x-api-key.
    await anthropicClient(router, CLIENT_ANTHROPIC_KEY).messages.create(
      { model: 'claude-log', max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': ids.anthropic } },
    );

    // 4. An unknown model (no upstream work) and 5. an upstream error that is retried once.
    await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_BEARER}`, 'x-request-id': ids.unknown },
      body: JSON.stringify({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }),
    }).then((r) => r.text());
    openai.enqueue({ status: 503 }, { status: 503 });
    await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_BEARER}`, 'x-request-id': ids.upstreamError },
      body: JSON.stringify({ model: 'gpt-log-503', messages: [{ role: 'user', content: 'hi' }] }),
    }).then((r) => r.text());

    // 6. Echo answers with the body, so the client's own key comes back in the response the log keeps.
    const echoResponse = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': CLIENT_API_KEY_HEADER, 'x-request-id': ids.echo },
      body: JSON.stringify({ model: 'echo-log', messages: [{ role: 'user', content: `repeat after me: ${CLIENT_API_KEY_HEADER}` }] }),
    });
    echoAnswer = await echoResponse.text();

    // 7. A body Fastify refuses before any handler runs.
    await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_BEARER}`, 'x-request-id': ids.badJson },
      body: '{"model": "gpt-log", "messages": [',
    }).then((r) => r.text());

    for (const id of Object.values(ids)) await waitForRequestLine(router, id);
  }, 40_000);

  afterAll(async () => {
    await router?.stop();
    await Promise.all([openai?.close(), anthropic?.close()]);
  }, 20_000);

  it('the requests themselves worked (the mock saw the configured key)', () => {
    expect(chatStatus).toBe(200);
    expect(echoAnswer).toContain(CLIENT_API_KEY_HEADER); // the client may see its own text; the log may not
    const authorizations = openai.requests.map((r) => r.headers['authorization']);
    expect(authorizations.length).toBeGreaterThanOrEqual(2);
    for (const a of authorizations) expect(a).toBe(`Bearer ${CONFIGURED_OPENAI_KEY}`);
    expect(anthropic.requests[0]?.headers['x-api-key']).toBe(CONFIGURED_ANTHROPIC_KEY);
  });

  it.each(ALL_SECRETS.map((s) => [s]))('never prints %s anywhere in its output', (secret) => {
    const output = router.lines.join('\n');
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(secret);
    expect(output).not.toContain(encodeURIComponent(secret));
  });

  it('prints the masked forms instead', () => {
    const output = router.lines.join('\n');
    expect(output).toContain(maskedForm(CONFIGURED_OPENAI_KEY)); // upstreamRequest.headers.authorization
    expect(output).toContain(`Bearer ${maskedForm(CLIENT_BEARER)}`); // request.headers.authorization
    expect(output).toContain(maskedForm(CLIENT_X_API_KEY)); // request.headers.x-api-key
    expect(output).toContain(maskedForm(BODY_TEXT_KEY)); // request.body / upstreamRequest.body
    expect(output).toContain(maskedForm(QUERY_KEY)); // url
    expect(output).toContain(maskedForm(BODY_FIELD_KEY)); // metadata.api_key
    expect(output).toContain(maskedForm(CONFIGURED_ANTHROPIC_KEY));
    expect(output).toContain(maskedForm(CLIENT_ANTHROPIC_KEY));
  });

  it('writes exactly one request line per request', () => {
    for (const id of Object.values(ids)) expect(requestLinesFor(router, id)).toHaveLength(1);
  });

  it('the request line carries model, provider, status, attempts, stream, latency, the request and the response', () => {
    const [line] = requestLinesFor(router, ids.chat);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'POST',
      model: 'gpt-log',
      provider: 'openai',
      upstreamModel: 'gpt-4.1-mini',
      status: 200,
      attempts: 1,
      stream: false,
    });
    expect(typeof line?.['latencyMs']).toBe('number');
    expect(Number(line?.['latencyMs'])).toBeGreaterThanOrEqual(0);
    expect(String(line?.['url'])).toMatch(/^\/v1\/chat\/completions\?key=/);
    const request = line?.['request'] as { headers: Record<string, string>; body: { messages: Array<{ content: string }> } };
    expect(request.headers['authorization']).toBe(`Bearer ${maskedForm(CLIENT_BEARER)}`);
    expect(request.body.messages[0]?.content).toContain('please keep it');
    const upstream = line?.['upstreamRequest'] as { url: string; headers: Record<string, string>; body: { model: string } };
    expect(upstream.url).toBe(`${openai.origin}/v1/chat/completions`);
    expect(upstream.body.model).toBe('gpt-4.1-mini');
    expect(upstream.headers['authorization']).toBe(`Bearer ${maskedForm(CONFIGURED_OPENAI_KEY)}`);
    const response = line?.['response'] as { body: unknown };
    expect(JSON.stringify(response.body)).toContain('chat.completion');
  });

  it("logs the client's request body as the client sent it, and the upstream body separately", () => {
    const [chat] = requestLinesFor(router, ids.chat);
    // request = "the client's headers and parsed body" (libs/logging/README.md); the alias belongs to upstreamRequest.
    expect((chat?.['request'] as { body: { model: string } }).body.model).toBe('gpt-log');
    expect((chat?.['upstreamRequest'] as { body: { model: string } }).body.model).toBe('gpt-4.1-mini');
    const [anthropicLine] = requestLinesFor(router, ids.anthropic);
    expect((anthropicLine?.['request'] as { body: { model: string } }).body.model).toBe('claude-log');
  });

  it('logs a streamed response, body included, once it has ended', () => {
    const [line] = requestLinesFor(router, ids.stream);
    expect(line).toMatchObject({ model: 'gpt-log', provider: 'openai', status: 200, attempts: 1, stream: true });
    expect(typeof line?.['latencyMs']).toBe('number');
    const body = String((line?.['response'] as { body?: unknown } | undefined)?.body);
    expect(body).toContain('data: ');
    expect(body).toContain('chat.completion.chunk');
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('logs the Anthropic request, the unknown model and the retried upstream error with their outcomes', () => {
    expect(requestLinesFor(router, ids.anthropic)[0]).toMatchObject({ model: 'claude-log', provider: 'anthropic', status: 200, attempts: 1, stream: false });
    expect(requestLinesFor(router, ids.unknown)[0]).toMatchObject({ model: 'no-such-model', status: 404, attempts: 0, stream: false });
    expect(requestLinesFor(router, ids.upstreamError)[0]).toMatchObject({ model: 'gpt-log-503', provider: 'openai', status: 503, attempts: 2 });
    expect(requestLinesFor(router, ids.echo)[0]).toMatchObject({ model: 'echo-log', provider: 'echo', status: 200, attempts: 1 });
    expect(requestLinesFor(router, ids.badJson)[0]).toMatchObject({ status: 400, attempts: 0 });
  });

  it('writes a streamed request line only when the stream has ended', async () => {
    openai.enqueue({ chunkDelayMs: 15 });
    const reqId = newReqId('log-stream-late');
    const stream = await openaiClient(router, CLIENT_BEARER).chat.completions.create(
      { model: 'gpt-log', messages: [{ role: 'user', content: 'stream slowly' }], stream: true },
      { headers: { 'x-request-id': reqId } },
    );
    let chunks = 0;
    for await (const _chunk of stream) {
      chunks += 1;
      if (chunks === 2) expect(requestLinesFor(router, reqId)).toHaveLength(0);
    }
    expect(chunks).toBeGreaterThan(2);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ stream: true, status: 200 });
    expect(String((line['response'] as { body?: unknown }).body)).toContain('[DONE]');
    expect(requestLinesFor(router, reqId)).toHaveLength(1);
  });

  it('writes one line, marked aborted, for a client that leaves mid-stream', async () => {
    openai.enqueue({ stallAfterFrames: 2 });
    const reqId = newReqId('log-aborted');
    // node:http, not fetch: destroying the request closes its one socket and leaves no idle connection behind.
    const payload = JSON.stringify({ model: 'gpt-log', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const req = httpRequest(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), 'x-request-id': reqId },
    });
    req.on('error', () => undefined);
    const status = await new Promise<number>((resolve) => {
      req.on('response', (res) => res.once('data', () => resolve(res.statusCode ?? 0)));
      req.end(payload);
    });
    expect(status).toBe(200);
    req.destroy();
    await openai.waitForClientAbort();
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ stream: true, aborted: true });
    await sleep(200);
    expect(requestLinesFor(router, reqId)).toHaveLength(1);
  });
});

describe('mask_api_keys: false (proves the masking checks can fail)', () => {
  let openai: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI({ apiKey: CONFIGURED_OPENAI_KEY });
    router = await startRouter({
      config: {
        server: { log_requests: true, log_responses: true, mask_api_keys: false },
        models: {
          'gpt-log': { provider: 'openai', endpoint: `${openai.origin}/v1`, api_key: CONFIGURED_OPENAI_KEY },
          'echo-keyed': { provider: 'echo', api_key: CONFIGURED_ANTHROPIC_KEY },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
  }, 20_000);

  it('prints the configured key as it is', async () => {
    const reqId = newReqId('nomask');
    await openaiClient(router, CLIENT_BEARER).chat.completions.create(
      { model: 'gpt-log', messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': reqId } },
    );
    const line = await waitForRequestLine(router, reqId);
    expect(line['status']).toBe(200);
    const output = router.lines.join('\n');
    expect(output).toContain(CONFIGURED_OPENAI_KEY);
    expect(output).toContain(CLIENT_BEARER);
  });

  it('echo still masks the configured key in what it shows the client', async () => {
    const completion = await openaiClient(router, CLIENT_BEARER).chat.completions.create({ model: 'echo-keyed', messages: [{ role: 'user', content: 'hi' }] });
    const content = completion.choices[0]?.message.content ?? '';
    const echoed = JSON.parse(content) as { headers: Record<string, string> };
    // The router's own key is redacted whole for clients (`[redacted]`, then masked by name: `****`),
    // not shown as the log's partial `sk-ant-c...3w2q`.
    expect(echoed.headers['authorization']).toBe('Bearer ****');
    expect(content).not.toContain(CONFIGURED_ANTHROPIC_KEY);
    expect(content).not.toContain(maskedForm(CONFIGURED_ANTHROPIC_KEY));
  });
});
