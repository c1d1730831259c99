import { describe, expect, it, jest } from '@jest/globals';
import { runRouterCli, writeConfig } from './support/start-router.js';

// A config file's problems come in one round, before anything boots: the schema's and the compile
// step's (regexes, JSONPaths, provider names) together, on stderr, exit 2, no Nest line, no stack.
jest.setTimeout(30_000);

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => /^\s+\S+: /.test(l));

describe('config errors, one round', () => {
  it('a schema error, a bad regex and an unknown provider in one file: all three in one run, exit 2, nothing else', async () => {
    const path = writeConfig({
      models: {
        gpt: { provider: 'openai', endpoint: 'http://127.0.0.1:9/v1', retry_config: { max_retries: -1 } },
        weird: { provider: 'no-such-provider' },
        echo: { provider: 'echo', transformations: [{ name: 'bad-regex', type: 'regex_replace', pattern: '(unclosed', replacement: 'x' }] },
      },
    });
    const { code, stdout, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.includes('models.gpt.retry_config.max_retries:'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("models.echo.transformations[0].pattern: invalid regex in rule 'bad-regex'"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("models.weird.provider: unknown provider 'no-such-provider'"))).toHaveLength(1);
    // Only the report: its heading and the three problems. No Nest (JSON) log line, no stack.
    expect(stderr.trim().split('\n')).toEqual([`llm-router: invalid config ${path}:`, ...lines]);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a global rule with a bad regex next to a model with a schema error: both in one run', async () => {
    const path = writeConfig({
      header_rules: { drop_headers: ['/x(/'] },
      models: { gpt: { provider: 'openai', endpoint: 'http://127.0.0.1:9/v1', tiemout: 5 }, echo: { provider: 'echo' } },
    });
    const { code, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.includes('models.gpt.tiemout: unknown key'))).toBe(true);
    expect(lines.some((l) => l.includes('header_rules.drop_headers[0]:'))).toBe(true);
  });
});
