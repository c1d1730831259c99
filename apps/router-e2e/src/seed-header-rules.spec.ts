// The Python service's header_rules snippet, pasted verbatim, must do what its comments say against the built
// router: one exact name and two bare regexes (written without slashes, as the seed's configs write them).
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { runRouterCli, startRouter, writeConfig, type RunningRouter } from './support/start-router.js';

jest.setTimeout(30_000);

const UPSTREAM_KEY = 'sk-upstream-seed-headers-0123456789';

const SEED_HEADER_RULES = `header_rules:
  drop_headers: ["x-forwarded-for", "^x-.*", ".*-token$"]  # exact name; all headers starting with x-; all headers ending with -token
`;

/** The seed snippet plus the models this test routes to (appended, so the snippet stays as pasted). */
const seedConfig = (openaiOrigin: string) => `${SEED_HEADER_RULES}
models:
  gpt-seed:
    provider: openai
    endpoint: ${openaiOrigin}/v1
    api_key: ${UPSTREAM_KEY}
    actual_model_name: gpt-4.1-mini
  echo-seed:
    provider: echo
`;

const CLIENT_HEADERS = {
  'X-Forwarded-For': '203.0.113.7',
  'X-Custom': 'internal-value',
  'X-Stainless-Os': 'Linux',
  'x-api-token': 'tok-1',
  'Session-Token': 'tok-2',
  'Accept-Language': 'de-CH', // innocent: neither starts with x- nor ends with -token
};
const DROPPED = ['x-forwarded-for', 'x-custom', 'x-stainless-os', 'x-api-token', 'session-token'];

const chat = (model: string) => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });

describe("the seed's drop_headers (exact name, ^x-.*, .*-token$) against the built router", () => {
  let openai: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI({ apiKey: UPSTREAM_KEY });
    router = await startRouter({ configPath: writeConfig(seedConfig(openai.origin)) });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
  }, 20_000);
  beforeEach(() => openai.reset());

  it('the upstream sees only the innocent header and the router-owned ones', async () => {
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CLIENT_HEADERS },
      body: chat('gpt-seed'),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(openai.requests).toHaveLength(1);
    const seen = openai.requests[0]?.headers ?? {};
    for (const name of DROPPED) expect(seen[name]).toBeUndefined();
    expect(Object.keys(seen).filter((name) => name.startsWith('x-') || name.endsWith('-token'))).toEqual([]);
    expect(seen['accept-language']).toBe('de-CH');
    expect(seen['authorization']).toBe(`Bearer ${UPSTREAM_KEY}`);
  });

  it('the echo provider, which answers with the upstream request, shows the same', async () => {
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CLIENT_HEADERS },
      body: chat('echo-seed'),
    });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    const echoed = JSON.parse(completion.choices[0]?.message.content ?? '{}') as { headers: Record<string, string> };
    for (const name of DROPPED) expect(echoed.headers[name]).toBeUndefined();
    expect(echoed.headers['accept-language']).toBe('de-CH');
  });
});

describe('a drop_headers entry that is neither a header name nor a valid regex', () => {
  it('makes the router exit 2, naming the path and the reason', async () => {
    const path = writeConfig(`header_rules:
  drop_headers: ["x-forwarded-for", "^x-.*", "^x-(unclosed"]
models:
  echo:
    provider: echo
    header_rules:
      drop_headers: ["x forwarded for"]
`);
    const { code, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('header_rules.drop_headers[2]: invalid regex ^x-(unclosed: missing ), unterminated subpattern at position 3');
    expect(stderr).toMatch(/models\.echo\.header_rules\.drop_headers\[0\]: 'x forwarded for' is neither a header name nor a regex that can match one/);
  });
});
