import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import { stringify } from 'yaml';
import { startRouter, writeConfig, type RunningRouter } from './support/start-router.js';

// SIGHUP (and --reload on a file change) swaps the config in without a restart; an invalid file is
// refused, logged, and the running config stays.

describe('config reload', () => {
  let router: RunningRouter;
  let path = '';
  let client: OpenAI;
  const health = async () => (await (await fetch(`${router.url}/health`)).json()) as { models: string[]; config: string };
  const reloadedCount = () => router.logs().filter((l) => l['msg'] === 'config reloaded').length;
  const refusedCount = () => router.logs().filter((l) => l['msg'] === 'config reload refused: the running config stays').length;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };

  beforeAll(async () => {
    path = writeConfig({ models: { first: { provider: 'echo' } } });
    router = await startRouter({ configPath: path });
    client = new OpenAI({ apiKey: 'unused', baseURL: `${router.url}/v1`, maxRetries: 0 });
  }, 30_000);
  afterAll(() => router?.stop());

  it('swaps in a valid new config on SIGHUP, without a restart', async () => {
    const before = await health();
    writeFileSync(path, stringify({ models: { second: { provider: 'echo', actual_model_name: 'echo-2' } } }));
    router.process.kill('SIGHUP');
    await until(() => reloadedCount() === 1);

    const after = await health();
    expect(after.models).toEqual(['second']);
    expect(after.config).not.toBe(before.config);
    const answer = await client.chat.completions.create({ model: 'second', messages: [{ role: 'user', content: 'hi' }] });
    expect(JSON.parse(answer.choices[0]?.message.content ?? '{}')).toMatchObject({ body: { model: 'echo-2' } });
    await expect(client.chat.completions.create({ model: 'first', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 404 });
    expect(router.process.exitCode).toBeNull();
  });

  it('refuses an invalid config, logs every problem, and keeps serving the old one', async () => {
    const before = await health();
    writeFileSync(path, stringify({ models: { third: { provider: 'echo', retry_config: { max_retries: -1 } } }, transformations: [{ name: 'x', type: 'nope' }] }));
    router.process.kill('SIGHUP');
    await until(() => refusedCount() === 1);

    const refusal = router.logs().find((l) => l['msg'] === 'config reload refused: the running config stays');
    expect(JSON.stringify(refusal?.['problems'])).toContain('models.third.retry_config.max_retries');
    expect(await health()).toEqual(before);
    await expect(client.chat.completions.create({ model: 'second', messages: [{ role: 'user', content: 'hi' }] })).resolves.toBeDefined();
  });
});

describe('--reload', () => {
  let router: RunningRouter;
  let path = '';
  beforeAll(async () => {
    path = writeConfig({ models: { first: { provider: 'echo' } } });
    router = await startRouter({ configPath: path, args: ['--reload'] });
  }, 30_000);
  afterAll(() => router?.stop());

  it('reloads the config when its file changes, in the same process', async () => {
    const pidBefore = router.logs().find((l) => l['msg'] === 'llm-router listening')?.['pid'];
    writeFileSync(path, stringify({ models: { renamed: { provider: 'echo' } } }));
    await router.waitForLog((l) => l['msg'] === 'config reloaded', 10_000);
    const health = (await (await fetch(`${router.url}/health`)).json()) as { models: string[] };
    expect(health.models).toEqual(['renamed']);
    expect(router.logs().filter((l) => l['msg'] === 'llm-router listening').map((l) => l['pid'])).toEqual([pidBefore]);
  });
});
