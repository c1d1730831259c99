import { describe, expect, it } from '@jest/globals';
import { REDACTED, SecretRedactor } from '@llm-router/logging';
import { clientResponseHeaders } from './client-response-headers.js';

describe('clientResponseHeaders', () => {
  it('relays only allowlisted headers: content type, rate limits, request ids, retry hints, OpenAI info', () => {
    const out = clientResponseHeaders(
      {
        'content-type': 'application/json',
        'content-length': '12',
        'content-encoding': 'gzip',
        connection: 'keep-alive, x-ratelimit-hop',
        'x-ratelimit-hop': 'gone',
        'transfer-encoding': 'chunked',
        'set-cookie': '__cf_bm=abc',
        'x-debug-key': 'sk-whatever',
        server: 'nginx',
        via: '1.1 internal-proxy',
        'x-request-id': 'req_upstream',
        'request-id': 'req_anthropic',
        'x-ratelimit-remaining-requests': '99',
        'anthropic-ratelimit-tokens-remaining': '1000',
        'retry-after': '3',
        'retry-after-ms': '3000',
        'x-should-retry': 'false',
        'openai-processing-ms': '42',
        'openai-version': '2020-10-01',
        'openai-organization': 'org-internal',
      },
      'gpt-4o-2024-08-06',
    );
    expect(out).toEqual({
      'content-type': 'application/json',
      'request-id': 'req_anthropic',
      'x-ratelimit-remaining-requests': '99',
      'anthropic-ratelimit-tokens-remaining': '1000',
      'retry-after': '3',
      'retry-after-ms': '3000',
      'x-should-retry': 'false',
      'openai-processing-ms': '42',
      'openai-version': '2020-10-01',
      'x-upstream-request-id': 'req_upstream',
      'x-router-upstream-model': 'gpt-4o-2024-08-06',
    });
  });

  it('redacts configured secrets in relayed values', () => {
    const key = 'sk-router-key-0123456789';
    const out = clientResponseHeaders({ 'x-request-id': `req for ${key}` }, 'm', { redactor: new SecretRedactor([key]) });
    expect(out['x-upstream-request-id']).toBe(`req for ${REDACTED}`);
  });

  it("sanitizes the router's own headers too (warnings quoting a client's field name)", () => {
    const out = clientResponseHeaders({}, 'm', { router: { 'x-router-warnings': 'dropped field "é\r\nx-evil: 1"' } });
    expect(out['x-router-warnings']).toBe('dropped field "%C3%A9%0D%0Ax-evil: 1"');
  });

  it("drops an upstream rate-limit family whole when the router set that family's headers itself", () => {
    const upstream = { 'x-ratelimit-remaining-requests': '4999', 'x-ratelimit-limit-tokens': '2000000', 'anthropic-ratelimit-requests-remaining': '49', 'retry-after': '2' };
    const out = clientResponseHeaders(upstream, 'm', { alreadySet: ['x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests'] });
    expect(out).toEqual({ 'anthropic-ratelimit-requests-remaining': '49', 'retry-after': '2', 'x-router-upstream-model': 'm' });
    expect(clientResponseHeaders(upstream, 'm', { alreadySet: ['content-type'] })).toEqual({ ...upstream, 'x-router-upstream-model': 'm' });
  });
});
