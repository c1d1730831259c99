import { describe, expect, it } from '@jest/globals';
import type { HeaderMap } from '@llm-router/core';
import { buildUpstreamHeaders } from './build-upstream-headers.js';
import { compileHeaderRules } from './compile-header-rules.js';
import type { HeaderRules } from './header-rules.js';

const clientHeaders: HeaderMap = {
  host: 'router.local:8080',
  connection: 'keep-alive',
  'content-length': '123',
  'accept-encoding': 'gzip',
  'content-type': 'application/json',
  accept: 'text/event-stream',
  authorization: 'Bearer client-key',
  'x-api-key': 'client-anthropic-key',
  cookie: 'session=1',
  'user-agent': 'OpenAI/Python 1.0',
  'x-stainless-lang': 'python',
  'x-stainless-os': 'Linux',
  'x-request-id': 'req-1',
};

function rules(...layers: Partial<HeaderRules>[]) {
  return compileHeaderRules(layers.map((layer, index) => ({ rules: layer, path: `layer${index}` })));
}

describe('buildUpstreamHeaders', () => {
  it('step 1: forwards client headers minus hop-by-hop and credentials', () => {
    expect(buildUpstreamHeaders(clientHeaders, rules(), { forwardCredentials: false })).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'user-agent': 'OpenAI/Python 1.0',
      'x-stainless-lang': 'python',
      'x-stainless-os': 'Linux',
      'x-request-id': 'req-1',
    });
  });

  it('step 1: keeps credentials when forwardCredentials is set, still without hop-by-hop headers', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules(), { forwardCredentials: true });
    expect(out).toMatchObject({ authorization: 'Bearer client-key', 'x-api-key': 'client-anthropic-key', cookie: 'session=1' });
    expect(out).not.toHaveProperty('host');
    expect(out).not.toHaveProperty('connection');
    expect(out).not.toHaveProperty('content-length');
  });

  it('step 1: drops the headers the client named in Connection (RFC 9110 §7.6.1)', () => {
    const out = buildUpstreamHeaders({ connection: 'keep-alive, X-Hop-Only', 'x-hop-only': 'router only', a: '1' }, rules(), { forwardCredentials: false });
    expect(out).toEqual({ a: '1' });
  });

  it('step 1: strips api-key (Azure style) too', () => {
    expect(buildUpstreamHeaders({ 'api-key': 'k', a: '1' }, rules(), { forwardCredentials: false })).toEqual({ a: '1' });
  });

  it('step 1: drops the provider-identity headers (organization, project, Google key and project) unless forwardCredentials', () => {
    const client = {
      'OpenAI-Organization': 'org-other',
      'openai-project': 'proj-other',
      'x-goog-api-key': 'AIza-client',
      'x-goog-user-project': 'other-project',
      'anthropic-beta': 'interleaved-thinking-2025-05-14',
      'anthropic-version': '2023-06-01',
      'openai-beta': 'assistants=v2',
    };
    expect(buildUpstreamHeaders(client, rules(), { forwardCredentials: false })).toEqual({
      'anthropic-beta': 'interleaved-thinking-2025-05-14',
      'anthropic-version': '2023-06-01',
      'openai-beta': 'assistants=v2',
    });
    expect(buildUpstreamHeaders(client, rules(), { forwardCredentials: true })).toMatchObject({ 'openai-organization': 'org-other', 'x-goog-api-key': 'AIza-client' });
  });

  it("step 1: the operator's own organization reaches the upstream through add_headers, the caller's never", () => {
    const out = buildUpstreamHeaders({ 'openai-organization': 'org-caller' }, rules({ addHeaders: { 'OpenAI-Organization': 'org-operator' } }), { forwardCredentials: false });
    expect(out).toEqual({ 'openai-organization': 'org-operator' });
  });

  it('step 2: dropAll empties the client headers but later steps still add theirs', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ dropAll: true, addHeaders: { 'x-team': 'ml' } }), {
      forwardCredentials: true,
      router: { 'content-type': 'application/json' },
    });
    expect(out).toEqual({ 'x-team': 'ml', 'content-type': 'application/json' });
  });

  it('step 2: drops by exact name case-insensitively and by regex on the lower-cased name', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ dropHeaders: ['User-Agent', '/^x-stainless-/'] }), { forwardCredentials: false });
    expect(Object.keys(out).sort()).toEqual(['accept', 'content-type', 'x-request-id']);
  });

  it('step 2: regexes are case-insensitive, with or without the i flag (header names are)', () => {
    const client = { 'X-Trace-Id': 't', 'x-other': 'o' };
    expect(buildUpstreamHeaders(client, rules({ dropHeaders: ['/^X-TRACE/'] }), { forwardCredentials: false })).toEqual({ 'x-other': 'o' });
    expect(buildUpstreamHeaders(client, rules({ dropHeaders: ['/^X-TRACE/i'] }), { forwardCredentials: false })).toEqual({ 'x-other': 'o' });
    expect(buildUpstreamHeaders(client, rules({ dropHeaders: ['^X-TRACE-'] }), { forwardCredentials: false })).toEqual({ 'x-other': 'o' });
  });

  describe("step 2 with the seed's drop_headers: [\"x-forwarded-for\", \"^x-.*\", \".*-token$\"]", () => {
    const seed = rules({ dropHeaders: ['x-forwarded-for', '^x-.*', '.*-token$'] });
    const send = (client: HeaderMap) => buildUpstreamHeaders(client, seed, { forwardCredentials: false });

    it('drops the exact name x-forwarded-for, whatever its case', () => {
      expect(send({ 'X-Forwarded-For': '10.0.0.1', 'X-FORWARDED-FOR': '10.0.0.2', accept: 'a' })).toEqual({ accept: 'a' });
    });

    it('drops every header starting with x- (re.search with ^), whatever its case', () => {
      expect(send({ 'X-Custom': '1', 'x-stainless-os': 'Linux', 'X-': '3', accept: 'a' })).toEqual({ accept: 'a' });
    });

    it('drops every header ending with -token, whatever its case', () => {
      expect(send({ 'Session-Token': 's', 'x-api-token': 't', 'CSRF-TOKEN': 'c', accept: 'a' })).toEqual({ accept: 'a' });
    });

    it('keeps headers that only contain x- or -token elsewhere', () => {
      const kept = { 'max-forwards': '1', 'prefix-x-y': 'p', 'my-token-id': 'i', 'user-agent': 'u', 'forwarded-for': 'f' };
      expect(send(kept)).toEqual(kept);
    });
  });

  it('step 2: a pattern that backtracks catastrophically in V8 stays linear on a hostile header name', () => {
    const hostile = `${'a'.repeat(20_000)}!`;
    expect(buildUpstreamHeaders({ [hostile]: 'v', accept: 'a' }, rules({ dropHeaders: ['(a+)+$'] }), { forwardCredentials: false })).toEqual({ [hostile]: 'v', accept: 'a' });
  });

  it('step 3: add_headers only fill absent names', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ addHeaders: { 'X-Request-Id': 'configured', 'X-Team': 'ml' } }), { forwardCredentials: false });
    expect(out['x-request-id']).toBe('req-1');
    expect(out['x-team']).toBe('ml');
  });

  it('step 3 after step 2: dropping then adding a header replaces the client value', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ dropHeaders: ['user-agent'], addHeaders: { 'User-Agent': 'router' } }), {
      forwardCredentials: false,
    });
    expect(out['user-agent']).toBe('router');
  });

  it('step 4: required headers are set only if absent, after add_headers', () => {
    const out = buildUpstreamHeaders({ 'anthropic-beta': 'client-beta' }, rules({ addHeaders: { 'anthropic-version': '2023-01-01' } }), {
      forwardCredentials: false,
      required: { 'anthropic-version': '2023-06-01', 'Anthropic-Beta': 'required-beta', 'x-new': 'n' },
    });
    expect(out).toEqual({ 'anthropic-beta': 'client-beta', 'anthropic-version': '2023-01-01', 'x-new': 'n' });
  });

  it('step 5: router headers override client, added and required ones', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ addHeaders: { 'x-api-key': 'added' } }), {
      forwardCredentials: true,
      required: { 'content-type': 'text/plain' },
      router: { Authorization: 'Bearer configured-key', 'content-type': 'application/json; charset=utf-8' },
    });
    expect(out.authorization).toBe('Bearer configured-key');
    expect(out['content-type']).toBe('application/json; charset=utf-8');
    expect(out['x-api-key']).toBe('client-anthropic-key');
  });

  it('step 6: force_headers beat the router auth and everything else', () => {
    const out = buildUpstreamHeaders(clientHeaders, rules({ forceHeaders: { Authorization: 'Bearer forced', 'User-Agent': 'forced-ua' } }), {
      forwardCredentials: false,
      router: { authorization: 'Bearer configured-key' },
    });
    expect(out.authorization).toBe('Bearer forced');
    expect(out['user-agent']).toBe('forced-ua');
  });

  it('applies global then model layers: the model add value wins, both drop lists apply', () => {
    const compiled = rules(
      { dropHeaders: ['x-request-id'], addHeaders: { 'x-team': 'global', 'x-env': 'prod' }, forceHeaders: { 'x-origin': 'global' } },
      { dropHeaders: ['/^x-stainless-/'], addHeaders: { 'x-team': 'model' }, forceHeaders: { 'X-Origin': 'model' } },
    );
    expect(buildUpstreamHeaders(clientHeaders, compiled, { forwardCredentials: false })).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'user-agent': 'OpenAI/Python 1.0',
      'x-team': 'model',
      'x-env': 'prod',
      'x-origin': 'model',
    });
  });

  it('lower-cases every output name, even from mixed-case client maps', () => {
    const out = buildUpstreamHeaders({ 'X-Custom': 'c', Authorization: 'secret' }, rules(), { forwardCredentials: false });
    expect(out).toEqual({ 'x-custom': 'c' });
  });

  it('keeps a header named __proto__ as an ordinary entry', () => {
    const client = JSON.parse('{"__proto__":"x"}') as HeaderMap;
    const out = buildUpstreamHeaders(client, rules(), { forwardCredentials: false });
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('does not mutate its inputs and returns a fresh map each call', () => {
    const client = { ...clientHeaders };
    const router = { authorization: 'Bearer k' };
    const required = { 'anthropic-version': '2023-06-01' };
    const compiled = rules({ dropHeaders: ['accept'], addHeaders: { a: '1' }, forceHeaders: { b: '2' } });
    const first = buildUpstreamHeaders(client, compiled, { forwardCredentials: false, router, required });
    const second = buildUpstreamHeaders(client, compiled, { forwardCredentials: false, router, required });
    expect(client).toEqual(clientHeaders);
    expect(router).toEqual({ authorization: 'Bearer k' });
    expect(required).toEqual({ 'anthropic-version': '2023-06-01' });
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect([...compiled.addHeaders]).toEqual([['a', '1']]);
  });
});
