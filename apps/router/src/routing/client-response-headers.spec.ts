import { describe, expect, it } from '@jest/globals';
import { clientResponseHeaders } from './client-response-headers.js';

describe('clientResponseHeaders', () => {
  it('keeps rate-limit and id headers, drops hop-by-hop, cookies and lengths, renames the upstream request id', () => {
    const out = clientResponseHeaders(
      {
        'content-type': 'application/json',
        'content-length': '12',
        connection: 'keep-alive, x-upstream-hop',
        'x-upstream-hop': 'gone',
        'transfer-encoding': 'chunked',
        'set-cookie': '__cf_bm=abc',
        'x-request-id': 'req_upstream',
        'request-id': 'req_anthropic',
        'x-ratelimit-remaining-requests': '99',
        'retry-after': '3',
      },
      'gpt-4o-2024-08-06',
    );
    expect(out).toEqual({
      'content-type': 'application/json',
      'request-id': 'req_anthropic',
      'x-ratelimit-remaining-requests': '99',
      'retry-after': '3',
      'x-upstream-request-id': 'req_upstream',
      'x-router-upstream-model': 'gpt-4o-2024-08-06',
    });
  });
});
