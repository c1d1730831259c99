import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRouterCli, startRouter, writeConfig, type RunningRouter } from './support/start-router.js';

// The slow cases would take seconds to hours in a backtracking engine; here everything fits the default timeout.
jest.setTimeout(30_000);

/** The README's own e-mail rule: quadratic in a backtracking engine on a long run of word characters. */
const README_EMAIL = { name: 'redact-emails', type: 'regex_replace', pattern: '[\\w.]+@[\\w.]+', replacement: '<email>' };
/** Exponential in a backtracking engine on `aaaa…a!`. */
const NESTED_QUANTIFIER = { name: 'nested', type: 'regex_replace', pattern: '(a+)+$', replacement: 'X' };
/** The seed (Python service) rules, pasted as its README writes them. */
const SEED_RULES = [
  { name: 'redact-email', type: 'regex_replace', pattern: '\\b[\\w.-]+@[\\w.-]+\\.\\w+\\b', replacement: '[EMAIL]' },
  { name: 'drop-system', type: 'jsonpath_drop', path: "$.messages[?(@.role='system')]" },
];

interface Echoed {
  body: { messages: Array<{ role: string; content: string }> };
}

async function chat(router: RunningRouter, model: string, messages: Array<{ role: string; content: string }>): Promise<{ status: number; echoed: Echoed }> {
  const response = await fetch(`${router.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
    body: JSON.stringify({ model, messages }),
  });
  const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
  return { status: response.status, echoed: JSON.parse(completion.choices[0]?.message.content ?? '{}') as Echoed };
}

describe('security: transformations cannot stop the event loop or run code', () => {
  let router: RunningRouter;

  beforeAll(async () => {
    router = await startRouter({
      config: {
        models: {
          'echo-email': { provider: 'echo', transformations: [README_EMAIL] },
          'echo-nested': { provider: 'echo', transformations: [NESTED_QUANTIFIER] },
          'echo-seed': { provider: 'echo', transformations: SEED_RULES },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
  }, 20_000);

  it('ReDoS: a 100 KB message through the README e-mail rule and (a+)+$ is answered, and /health/live meanwhile', async () => {
    const words = `${'a'.repeat(100_000)} @ then josé@empresa.es`;
    const nested = `${'a'.repeat(50_000)}!`;
    const [email, exponential, live] = await Promise.all([
      chat(router, 'echo-email', [{ role: 'user', content: words }]),
      chat(router, 'echo-nested', [{ role: 'user', content: nested }]),
      fetch(`${router.url}/health/live`),
    ]);
    expect(live.status).toBe(200);
    expect(email.status).toBe(200);
    expect(email.echoed.body.messages[0]?.content).toBe(`${'a'.repeat(100_000)} @ then <email>`);
    expect(exponential.status).toBe(200);
    expect(exponential.echoed.body.messages[0]?.content).toBe(nested);
  });

  it('seed rules: Unicode e-mail addresses are redacted and $.messages[?(@.role=\'system\')] drops only system messages', async () => {
    const { status, echoed } = await chat(router, 'echo-seed', [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Write to josé.garcía@empresa.es and jürgen@müller.de' },
      { role: 'assistant', content: 'Sure.' },
      { role: 'system', content: 'Second system prompt.' },
      { role: 'user', content: 'Thanks' },
    ]);
    expect(status).toBe(200);
    expect(echoed.body.messages).toEqual([
      { role: 'user', content: 'Write to [EMAIL] and [EMAIL]' },
      { role: 'assistant', content: 'Sure.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('code injection: a config filter reaching constructor exits 2 naming the rule path, and runs nothing', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'llm-router-e2e-')), 'pwned');
    const code = `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const path = writeConfig({
      models: {
        evil: {
          provider: 'echo',
          transformations: [
            { name: 'rce', type: 'jsonpath_drop', path: `$..[?(p=${JSON.stringify(code)};a=''[['constructor']][['constructor']](p);a())]` },
            { name: 'rce-2', type: 'jsonpath_drop', path: `$[?(@.constructor.constructor(${JSON.stringify(code)})())]` },
          ],
        },
      },
    });
    const { code: exitCode, stderr } = await runRouterCli(['--config', path]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('models.evil.transformations[0].path');
    expect(stderr).toContain('models.evil.transformations[1].path');
    expect(stderr).toContain("rule 'rce'");
    expect(existsSync(marker)).toBe(false);
  });
});
