import { describe, expect, it } from '@jest/globals';
import { MAX_MASK_DEPTH, NESTED_TOO_DEEP, SecretMasker } from './secret-masker.js';

const CONFIGURED = 'cfg-0123456789abcdefghij';
const OPENAI = 'sk-proj-AbCdEf0123456789xyzW';
const ANTHROPIC = 'sk-ant-api03-AbCdEf0123456789-_xyzQ';
const GOOGLE = 'AIzaSyA1234567890abcdefghijklmnopqrs';

describe('SecretMasker.maskString', () => {
  const masker = new SecretMasker({ secrets: [CONFIGURED, '', '   ', 'ollama'] });

  it('masks configured secrets anywhere in text', () => {
    expect(masker.maskString(`upstream said: bad key ${CONFIGURED}!`)).toBe('upstream said: bad key cfg-0123...ghij!');
  });

  it('ignores empty and short configured secrets (no literal match for `ollama`)', () => {
    expect(masker.maskString('provider ollama at http://localhost:11434')).toBe('provider ollama at http://localhost:11434');
  });

  it('masks sk-, sk-proj-, sk-ant- and AIza keys nobody configured', () => {
    expect(masker.maskString(`a ${OPENAI} b ${ANTHROPIC} c ${GOOGLE}`)).toBe(
      'a sk-proj-...xyzW b sk-ant-a...xyzQ c AIzaSyA1...pqrs',
    );
    expect(masker.maskString('Incorrect API key provided: sk-1234567890abcdef.')).toBe(
      'Incorrect API key provided: sk-12345...cdef.',
    );
  });

  it('masks bearer tokens, keeping the scheme', () => {
    expect(masker.maskString('Authorization: Bearer abc.def.ghijklmnopq')).toBe('Authorization: Bearer abc.def....nopq');
    expect(masker.maskString('bearer tok')).toBe('bearer ****');
  });

  it('masks x-api-key / api-key values in JSON, headers and JSON inside strings', () => {
    expect(masker.maskString('{"x-api-key":"abcdefghijklmnop","model":"m"}')).toBe('{"x-api-key":"abcdefgh...mnop","model":"m"}');
    expect(masker.maskString('X-Api-Key: abcdefghijklmnop')).toBe('X-Api-Key: abcdefgh...mnop');
    expect(masker.maskString('api-key: short')).toBe('api-key: ****');
    expect(masker.maskString('{"body":"{\\"api_key\\": \\"abcdefghijklmnop\\"}"}')).toBe(
      '{"body":"{\\"api_key\\": \\"abcdefgh...mnop\\"}"}',
    );
  });

  it('masks key-like URL query parameters', () => {
    expect(masker.maskString('GET /v1beta/models?key=plainkey0123456789&alt=sse')).toBe(
      'GET /v1beta/models?key=plainkey...6789&alt=sse',
    );
    expect(masker.maskString('https://h/p?a=1&api_key=zzzzzzzzzzzzzzzz&token=t&access_token=abcdefghijklmnop#x')).toBe(
      'https://h/p?a=1&api_key=zzzzzzzz...zzzz&token=****&access_token=abcdefgh...mnop#x',
    );
  });

  it('masks secrets in error messages', () => {
    const error = new Error(`401 from https://api.example.com/v1?key=${CONFIGURED} (invalid x-api-key: ${ANTHROPIC})`);
    expect(masker.maskString(error.message)).toBe(
      '401 from https://api.example.com/v1?key=cfg-0123...ghij (invalid x-api-key: sk-ant-a...xyzQ)',
    );
  });

  it('leaves ordinary text alone', () => {
    const text = 'task-manager sk-learn monkey=banana keyboard: yes tokens: 12 "max_tokens": 100 Bearer';
    expect(masker.maskString(text)).toBe(text);
  });

  it('is stable on its own output', () => {
    const text = `Bearer ${OPENAI} ?key=${CONFIGURED} "x-api-key":"${ANTHROPIC}" ${GOOGLE} api-key: tiny`;
    const once = masker.maskString(text);
    expect(masker.maskString(once)).toBe(once);
  });

  it('masks the JSON-escaped and URL-encoded forms of configured secrets, keeping JSON valid', () => {
    const odd = 'weird"key\\with/slash+plus';
    const oddMasker = new SecretMasker({ secrets: [odd] });
    const line = JSON.stringify({ msg: `key ${odd}` });
    const masked = oddMasker.maskString(line);
    expect(masked).not.toContain('key\\\\with');
    // The line holds the escaped form `weird\"k...`; quotes and backslashes in masked text become `*`.
    expect(JSON.parse(masked)).toEqual({ msg: 'key weird**k...plus' });
    expect(oddMasker.maskString(`/p?k=${encodeURIComponent(odd)}`)).toBe('/p?k=weird%22...plus');
  });

  it('masks per-request extra secrets literally', () => {
    const extra = 'client-own-key-0123456789';
    expect(masker.maskString(`echo ${extra} and ${encodeURIComponent(extra)}`, [extra])).toBe(
      'echo client-o...6789 and client-o...6789',
    );
    expect(masker.maskString('echo shorty', ['shorty'])).toBe('echo shorty');
  });
});

describe('SecretMasker.maskHeaders', () => {
  const masker = new SecretMasker({ secrets: [CONFIGURED] });

  it('masks credential headers by name, keeping the scheme', () => {
    expect(
      masker.maskHeaders({
        authorization: 'Bearer sk-client-0123456789abcdef',
        'proxy-authorization': 'Basic dXNlcjpwYXNzd29yZA==',
        'x-api-key': 'whatever-it-looks-like',
        'api-key': 'short',
        cookie: 'session=abcdefghijklmnop',
        'set-cookie': 'id=abcdefghijklmnop; Path=/',
        'content-type': 'application/json',
      }),
    ).toEqual({
      authorization: 'Bearer sk-clien...cdef',
      'proxy-authorization': 'Basic dXNlcjpw...ZA==',
      'x-api-key': 'whatever...like',
      'api-key': '****',
      cookie: 'session=...mnop',
      'set-cookie': 'id=abcde...th=/',
      'content-type': 'application/json',
    });
  });

  it('masks secrets in other header values, extras included', () => {
    expect(masker.maskHeaders({ 'x-debug': `key ${CONFIGURED}`, 'x-echo': 'client-key-0123456789' }, ['client-key-0123456789'])).toEqual({
      'x-debug': 'key cfg-0123...ghij',
      'x-echo': 'client-k...6789',
    });
  });
});

describe('SecretMasker.maskValue', () => {
  const masker = new SecretMasker({ secrets: [CONFIGURED] });

  it('masks nested bodies deeply without touching the input', () => {
    const body = {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: `my key is ${CONFIGURED}` }, { role: 'user', content: [{ type: 'text', text: OPENAI }] }],
      metadata: { api_key: 'field-named-secret-0123', password: 'hunter2', Authorization: 'Bearer abcdefghijklmnop' },
      n: 1,
      stream: true,
      stop: null,
    };
    const copy = structuredClone(body);
    expect(masker.maskValue(body)).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'my key is cfg-0123...ghij' }, { role: 'user', content: [{ type: 'text', text: 'sk-proj-...xyzW' }] }],
      metadata: { api_key: 'field-na...0123', password: '****', Authorization: 'Bearer abcdefgh...mnop' },
      n: 1,
      stream: true,
      stop: null,
    });
    expect(body).toEqual(copy);
  });

  it('masks extras, returns non-plain objects as they are, and survives cycles', () => {
    const buffer = Buffer.from('x');
    const cyclic: Record<string, unknown> = { text: 'extra-secret-0123456789', buffer };
    cyclic['self'] = cyclic;
    expect(masker.maskValue(cyclic, ['extra-secret-0123456789'])).toEqual({ text: 'extra-se...6789', buffer, self: '[Circular]' });
  });

  it('masks URLs with key parameters inside values', () => {
    expect(masker.maskValue({ url: `https://generativelanguage.example/v1?key=${GOOGLE}&alt=sse` })).toEqual({
      url: 'https://generativelanguage.example/v1?key=AIzaSyA1...pqrs&alt=sse',
    });
  });
});

describe('a disabled SecretMasker', () => {
  const masker = new SecretMasker({ secrets: [CONFIGURED], enabled: false });

  it('is the identity', () => {
    const headers = { authorization: `Bearer ${OPENAI}` };
    const body = { key: CONFIGURED };
    expect(masker.enabled).toBe(false);
    expect(masker.maskString(`${CONFIGURED} ${OPENAI}`, [CONFIGURED])).toBe(`${CONFIGURED} ${OPENAI}`);
    expect(masker.maskHeaders(headers)).toBe(headers);
    expect(masker.maskValue(body)).toBe(body);
    expect(SecretMasker.disabled().maskString(OPENAI)).toBe(OPENAI);
  });
});

describe('SecretMasker: hardening', () => {
  it('masks a value nested 100,000 deep without throwing, replacing what lies past MAX_MASK_DEPTH', () => {
    let deep: unknown = 'sk-1234567890abcdef';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const masker = new SecretMasker();
    const masked = masker.maskValue({ body: deep });
    let depth = 0;
    let node: unknown = (masked as { body: unknown }).body;
    while (Array.isArray(node)) {
      node = node[0];
      depth++;
    }
    expect(node).toBe(NESTED_TOO_DEEP);
    expect(depth).toBe(MAX_MASK_DEPTH - 1);
    expect(() => JSON.stringify(masked)).not.toThrow();
  });

  it('masks the userinfo of URLs whole, keeping scheme and host', () => {
    const masker = new SecretMasker();
    expect(masker.maskString('upstream https://alice:hunter2-very-secret@10.1.2.3:8080/v1 failed')).toBe('upstream https://****@10.1.2.3:8080/v1 failed');
    expect(masker.maskString('"upstreamUrl":"http://tok_abcdefghijkl@host/v1"')).toBe('"upstreamUrl":"http://****@host/v1"');
    expect(masker.maskString('mail me: alice@example.com, see https://example.com/a@b')).toBe('mail me: alice@example.com, see https://example.com/a@b');
    expect(masker.maskString(masker.maskString('https://u:p@h/'))).toBe('https://****@h/');
  });

  it('replaces its known secrets (config reload)', () => {
    const masker = new SecretMasker({ secrets: ['old-secret-0123456789'] });
    masker.replaceSecrets(['new-secret-0123456789']);
    expect(masker.maskString('old-secret-0123456789 new-secret-0123456789')).toBe('old-secret-0123456789 new-secr...6789');
  });
});
