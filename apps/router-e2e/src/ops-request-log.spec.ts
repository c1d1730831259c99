import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { freePort, newReqId, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// The request line as an operator reads it: an upstream or network failure names its error class, code
// and cause chain (masked); probes and scrapes stay out of the info log; the client's address is there.

const ROUTER_KEY = 'sk-router-upstream-key-0123456789';

describe('the request log of the built router', () => {
  let tlsMock: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    tlsMock = await startMockOpenAI({ tls: true });
    const deadPort = await freePort();
    router = await startRouter({
      config: {
        models: {
          refused: { provider: 'openai', endpoint: `http://127.0.0.1:${deadPort}/v1`, api_key: ROUTER_KEY, retry_config: { max_retries: 0 } },
          // The mock's certificate is self-signed: verification fails.
          untrusted: { provider: 'openai', endpoint: `${tlsMock.origin}/v1`, api_key: ROUTER_KEY, retry_config: { max_retries: 0 } },
          echo: { provider: 'echo' },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop('SIGKILL');
    await tlsMock?.close();
  });

  const chat = (model: string, reqId: string, headers: Record<string, string> = {}) =>
    fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': reqId, authorization: 'Bearer sk-client-key-abcdefghijkl', ...headers },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('a refused connection: errorClass, errorCode and a cause chain with ECONNREFUSED; no stack, no key', async () => {
    const reqId = newReqId('refused');
    expect((await chat('refused', reqId)).status).toBe(502);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ status: 502, errorClass: 'RouterError', errorCode: 'bad_gateway' });
    expect(typeof line['error']).toBe('string');
    const causes = line['errorCause'] as Array<{ class: string; code?: string; message: string }>;
    expect(causes[0]).toMatchObject({ class: 'RequestError', code: 'ECONNREFUSED' });
    expect(causes.every((c) => typeof c.class === 'string' && typeof c.message === 'string')).toBe(true);
    expect(line['errorStack']).toBeUndefined();
    expect(JSON.stringify(router.logs())).not.toContain(ROUTER_KEY);
  });

  it('a certificate that does not verify: the TLS code in the cause chain', async () => {
    const reqId = newReqId('tls');
    expect((await chat('untrusted', reqId)).status).toBe(502);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ errorClass: 'RouterError', errorCode: 'bad_gateway' });
    const codes = (line['errorCause'] as Array<{ code?: string }>).map((c) => c.code);
    expect(codes).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('probes and scrapes write no info line; other requests carry the socket address and x-forwarded-for', async () => {
    for (const path of ['/health', '/health/live', '/health/ready']) expect((await fetch(`${router.url}${path}`)).status).toBe(200);
    expect((await fetch(`${router.adminUrl}/metrics`)).status).toBe(200);
    const reqId = newReqId('addr');
    expect((await chat('echo', reqId, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ level: 'info', remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.9' });
    const probeLines = router.logs().filter((l) => l['msg'] === 'request' && /^\/(health|metrics)/.test(String(l['url'])));
    expect(probeLines).toEqual([]);
  });
});
