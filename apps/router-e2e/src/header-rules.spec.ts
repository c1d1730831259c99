import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream, type RecordedRequest } from '@llm-router/testing';
import { anthropicClient, openaiClient, rawRequest } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const OPENAI_KEY = 'sk-upstream-openai-headers-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-headers-0123456789';
const CLIENT_KEY = 'sk-client-secret-headers-9876543210';
const CHAT_BODY = (model: string) => ({ model, messages: [{ role: 'user', content: 'hi' }] });

describe('header rules (observed at the upstream)', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic({ apiKey: ANTHROPIC_KEY });
    const upstream = { provider: 'openai', endpoint: `${openai.origin}/v1`, api_key: OPENAI_KEY, actual_model_name: 'gpt-4.1-mini' };
    router = await startRouter({
      config: {
        header_rules: {
          drop_headers: ['X-Drop-Me', '/^x-secret-/', '/^X-CASE-/i'],
          add_headers: { 'X-Added': 'global-added', 'X-Keep': 'router-default' },
          force_headers: { 'X-Forced': 'global-forced' },
        },
        models: {
          'gpt-h': upstream,
          'gpt-h-model': {
            ...upstream,
            header_rules: {
              drop_headers: ['x-model-drop', '/^x-model-re-/'],
              add_headers: { 'X-Model-Added': 'model-added' },
              force_headers: { 'X-Forced': 'model-forced' },
            },
          },
          'gpt-drop-all': { ...upstream, header_rules: { drop_all: true } },
          'gpt-no-key': { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1-mini' },
          'gpt-forward': { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-4.1-mini', forward_client_credentials: true },
          'gpt-force-auth': { ...upstream, header_rules: { force_headers: { Authorization: 'Bearer forced-token' } } },
          'claude-h': { provider: 'anthropic', endpoint: anthropic.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5' },
          'echo-h': { provider: 'echo', header_rules: { add_headers: { 'X-Echo-Added': 'echo' } } },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await anthropic?.close();
  }, 20_000);
  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  const sendChat = async (model: string, headers: Record<string, string>): Promise<RecordedRequest> => {
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(CHAT_BODY(model)),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(openai.requests).toHaveLength(1);
    const [seen] = openai.requests;
    if (!seen) throw new Error('the mock saw no request');
    return seen;
  };

  it('drops an exact name case-insensitively, and by regex (tested on the lower-cased name)', async () => {
    const seen = await sendChat('gpt-h', {
      'X-DROP-ME': 'gone',
      'x-secret-token': 'gone',
      'X-Secret-Other': 'gone',
      'x-case-insensitive': 'gone',
      'x-secretive': 'kept', // /^x-secret-/ needs the hyphen
      'x-drop-me-not': 'kept', // exact names are exact
      'x-custom': 'passes',
    });
    expect(seen.headers['x-drop-me']).toBeUndefined();
    expect(seen.headers['x-secret-token']).toBeUndefined();
    expect(seen.headers['x-secret-other']).toBeUndefined();
    expect(seen.headers['x-case-insensitive']).toBeUndefined();
    expect(seen.headers['x-secretive']).toBe('kept');
    expect(seen.headers['x-drop-me-not']).toBe('kept');
    expect(seen.headers['x-custom']).toBe('passes');
  });

  it('add_headers sets a header only when the client did not send it', async () => {
    const seen = await sendChat('gpt-h', { 'x-keep': 'client-value' });
    expect(seen.headers['x-added']).toBe('global-added');
    expect(seen.headers['x-keep']).toBe('client-value');

    openai.reset();
    const without = await sendChat('gpt-h', {});
    expect(without.headers['x-keep']).toBe('router-default');
  });

  it('force_headers overrides the client value', async () => {
    const seen = await sendChat('gpt-h', { 'X-Forced': 'client-value' });
    expect(seen.headers['x-forced']).toBe('global-forced');
  });

  it("a model's own header_rules extend the global ones (later layer wins for forced values)", async () => {
    const headers = { 'x-drop-me': 'gone', 'x-model-drop': 'gone', 'x-model-re-1': 'gone', 'x-forced': 'client', 'x-custom': 'passes' };
    const seen = await sendChat('gpt-h-model', headers);
    expect(seen.headers['x-drop-me']).toBeUndefined(); // global drop still applies
    expect(seen.headers['x-model-drop']).toBeUndefined();
    expect(seen.headers['x-model-re-1']).toBeUndefined();
    expect(seen.headers['x-added']).toBe('global-added'); // global add still applies
    expect(seen.headers['x-model-added']).toBe('model-added');
    expect(seen.headers['x-forced']).toBe('model-forced');
    expect(seen.headers['x-custom']).toBe('passes');

    // ...and only for that model.
    openai.reset();
    const other = await sendChat('gpt-h', headers);
    expect(other.headers['x-model-drop']).toBe('gone');
    expect(other.headers['x-model-added']).toBeUndefined();
    expect(other.headers['x-forced']).toBe('global-forced');
  });

  it('drop_all removes every client header but still adds, forces and authenticates', async () => {
    const seen = await sendChat('gpt-drop-all', { 'x-custom': 'dropped', 'user-agent': 'my-agent/1.0', 'x-keep': 'client-value' });
    expect(seen.headers['x-custom']).toBeUndefined();
    expect(seen.headers['user-agent']).not.toBe('my-agent/1.0');
    expect(seen.headers['x-keep']).toBe('router-default'); // the client's value went with drop_all
    expect(seen.headers['x-added']).toBe('global-added');
    expect(seen.headers['x-forced']).toBe('global-forced');
    expect(seen.headers['authorization']).toBe(`Bearer ${OPENAI_KEY}`);
    expect(seen.headers['content-type']).toMatch(/^application\/json/);
  });

  it('never forwards client credentials by default (OpenAI SDK): the configured key replaces them', async () => {
    const completion = await openaiClient(router, CLIENT_KEY).chat.completions.create(
      { model: 'gpt-h', messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-api-key': CLIENT_KEY, 'api-key': CLIENT_KEY, cookie: `session=${CLIENT_KEY}` } },
    );
    expect(completion.model).toBe('gpt-h');
    const [seen] = openai.requests;
    expect(seen?.headers['authorization']).toBe(`Bearer ${OPENAI_KEY}`);
    expect(seen?.headers['x-api-key']).toBeUndefined();
    expect(seen?.headers['api-key']).toBeUndefined();
    expect(seen?.headers['cookie']).toBeUndefined();
    expect(JSON.stringify(seen?.headers)).not.toContain(CLIENT_KEY);
  });

  it('without a configured key, the client key is still not forwarded', async () => {
    const seen = await sendChat('gpt-no-key', { authorization: `Bearer ${CLIENT_KEY}`, 'x-api-key': CLIENT_KEY });
    expect(seen.headers['authorization']).toBeUndefined();
    expect(seen.headers['x-api-key']).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain(CLIENT_KEY);
  });

  it('forward_client_credentials: true forwards them', async () => {
    const seen = await sendChat('gpt-forward', { authorization: `Bearer ${CLIENT_KEY}` });
    expect(seen.headers['authorization']).toBe(`Bearer ${CLIENT_KEY}`);
  });

  it('a forced Authorization beats the configured key', async () => {
    const seen = await sendChat('gpt-force-auth', { authorization: `Bearer ${CLIENT_KEY}` });
    expect(seen.headers['authorization']).toBe('Bearer forced-token');
  });

  it('never forwards client credentials by default (Anthropic SDK): the mock sees only the configured x-api-key', async () => {
    const message = await anthropicClient(router, CLIENT_KEY).messages.create(
      { model: 'claude-h', max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { authorization: `Bearer ${CLIENT_KEY}` } },
    );
    expect(message.model).toBe('claude-h');
    const [seen] = anthropic.requests;
    expect(seen?.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    expect(seen?.headers['anthropic-version']).toBe('2023-06-01');
    expect(JSON.stringify(seen?.headers)).not.toContain(CLIENT_KEY);
    expect(seen?.headers['x-added']).toBe('global-added');
  });

  it('does not forward hop-by-hop headers', async () => {
    const response = await rawRequest(`${router.url}/v1/chat/completions`, {
      body: CHAT_BODY('gpt-h'),
      headers: {
        Connection: 'keep-alive',
        'Keep-Alive': 'timeout=5, max=1000',
        TE: 'trailers',
        'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
        'Proxy-Connection': 'keep-alive',
        'Accept-Encoding': 'gzip, br',
        'x-custom': 'passes',
      },
    });
    expect(response.status).toBe(200);
    const [seen] = openai.requests;
    expect(seen?.headers['x-custom']).toBe('passes');
    expect(seen?.headers['keep-alive']).toBeUndefined();
    expect(seen?.headers['te']).toBeUndefined();
    expect(seen?.headers['proxy-authorization']).toBeUndefined();
    expect(seen?.headers['proxy-connection']).toBeUndefined();
    expect(seen?.headers['accept-encoding'] ?? '').not.toContain('gzip'); // the router needs identity bodies
    expect(seen?.headers['host']).toBe(new URL(openai.origin).host); // the upstream's host, not the router's
    // content-length is the router's own (it matches the body the mock received)
    expect(Number(seen?.headers['content-length'] ?? Buffer.byteLength(seen?.rawBody ?? ''))).toBe(Buffer.byteLength(seen?.rawBody ?? ''));
  });

  it('does not forward headers the client named in Connection (RFC 9110 §7.6.1)', async () => {
    const response = await rawRequest(`${router.url}/v1/chat/completions`, {
      body: CHAT_BODY('gpt-h'),
      headers: { Connection: 'keep-alive, X-Hop-Only', 'X-Hop-Only': 'for-the-router-only', 'x-custom': 'passes' },
    });
    expect(response.status).toBe(200);
    const [seen] = openai.requests;
    expect(seen?.headers['x-custom']).toBe('passes');
    expect(seen?.headers['x-hop-only']).toBeUndefined();
  });

  it('the echo provider shows the same policy: credentials gone, global and model rules applied', async () => {
    const completion = await openaiClient(router, CLIENT_KEY).chat.completions.create(
      { model: 'echo-h', messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'X-Drop-Me': 'gone', 'x-keep': 'client-value', 'x-forced': 'client', 'x-custom': 'passes' } },
    );
    const echoed = JSON.parse(completion.choices[0]?.message.content ?? '{}') as { headers: Record<string, string> };
    expect(echoed.headers['authorization']).toBeUndefined();
    expect(echoed.headers['x-drop-me']).toBeUndefined();
    expect(echoed.headers['x-keep']).toBe('client-value');
    // Header-rule values are secrets the router holds (they carry credentials): echo shows that a rule
    // applied, with values of 8 characters or more redacted (security-secrets.spec.ts).
    expect(echoed.headers['x-added']).toBe('[redacted]');
    expect(echoed.headers['x-echo-added']).toBe('echo');
    expect(echoed.headers['x-forced']).toBe('[redacted]');
    expect(echoed.headers['x-custom']).toBe('passes');
    expect(JSON.stringify(completion)).not.toContain(CLIENT_KEY);
  });
});
