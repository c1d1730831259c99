import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(30_000);

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
const EXAMPLE_CONFIG = fileURLToPath(new URL('../../../config.example.yaml', import.meta.url));
/** Written beside this package so that `openai` and `@anthropic-ai/sdk` resolve from the workspace. */
const SNIPPET = fileURLToPath(new URL('../readme-snippet.tmp.mjs', import.meta.url));

/** The fenced blocks of the README's "Quick start" section, by language. */
function quickStartBlocks(language: string): string[] {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('## Quick start');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
}

/** The README's commands, pointed at this router instead of 127.0.0.1:8000 / localhost:8000. */
const retarget = (code: string, router: RunningRouter) => code.replaceAll(/(?:127\.0\.0\.1|localhost):8000/g, router.url.replace(/^http:\/\//, ''));

describe('the README quick start examples, as written, on the bundled config', () => {
  let router: RunningRouter;
  beforeAll(async () => {
    router = await startRouter({ configPath: EXAMPLE_CONFIG });
  });
  afterAll(async () => {
    rmSync(SNIPPET, { force: true });
    await router.stop();
  });

  it('has the examples this test runs', () => {
    expect(quickStartBlocks('sh').join('\n')).toContain('curl');
    expect(quickStartBlocks('ts')).toHaveLength(1);
  });

  it('every curl command answers 2xx with a body', () => {
    const commands = quickStartBlocks('sh')
      .join('\n')
      .replaceAll('\\\n', ' ')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('curl '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      const run = spawnSync('bash', ['-c', `${retarget(command, router)} --fail-with-body --max-time 10`], { encoding: 'utf8' });
      expect({ command, status: run.status, stderr: run.stderr }).toEqual({ command, status: 0, stderr: '' });
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toContain('"error"');
    }
  });

  it('the SDK snippet runs and prints both answers', () => {
    const [snippet = ''] = quickStartBlocks('ts');
    writeFileSync(SNIPPET, retarget(snippet, router));
    // No colours (nx sets FORCE_COLOR): the assertions read console.log's plain output.
    const { FORCE_COLOR: _color, ...env } = process.env;
    const run = spawnSync(process.execPath, [SNIPPET], { encoding: 'utf8', timeout: 20_000, env: { ...env, NO_COLOR: '1' } });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('echo-large'); // my-assistant's alias, echoed back
    expect(run.stdout).toContain("type: 'text'");
  });
});
