import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@llm-router/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadConfigOptions } from './load-config-options.js';
import { loadConfig } from './load-config.js';

/** The problems `loadConfig` throws; fails the test when it does not throw a ConfigValidationError. */
function problemsOf(path: string, options: LoadConfigOptions): unknown {
  try {
    loadConfig(path, options);
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadConfig', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'llm-router-load-config-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads and resolves the file, with the path as source', () => {
    const path = join(dir, 'ok.yaml');
    writeFileSync(path, 'models:\n  gpt-4:\n    provider: openai\n    api_key: ${KEY}\n');
    const config = loadConfig(path, { env: { KEY: 'sk-1', LLM_ROUTER_SERVER_PORT: '9001' }, overrides: { host: '::1' } });
    expect(config.source).toBe(path);
    expect(config.models['gpt-4']?.apiKey).toBe('sk-1');
    expect(config.server).toMatchObject({ host: '::1', port: 9001 });
  });

  it('reads server.log_level from the file, defaults it to info, and lets LLM_ROUTER_SERVER_LOG_LEVEL override it', () => {
    const path = join(dir, 'log-level.yaml');
    writeFileSync(path, 'server:\n  log_level: error\nmodels:\n  echo:\n    provider: echo\n');
    expect(loadConfig(path, { env: {} }).server.logLevel).toBe('error');
    expect(loadConfig(path, { env: { LLM_ROUTER_SERVER_LOG_LEVEL: 'trace' } }).server.logLevel).toBe('trace');
    writeFileSync(path, 'models:\n  echo:\n    provider: echo\n');
    expect(loadConfig(path, { env: {} }).server.logLevel).toBe('info');
  });

  it('reports an invalid server.log_level in the file, and an invalid LLM_ROUTER_SERVER_LOG_LEVEL naming the variable', () => {
    const path = join(dir, 'bad-log-level.yaml');
    writeFileSync(path, 'server:\n  log_level: verbose\nmodels:\n  echo:\n    provider: echo\n');
    expect(problemsOf(path, { env: {} })).toEqual([{ path: 'server.log_level', message: 'must be one of trace, debug, info, warn, error, fatal, silent' }]);
    writeFileSync(path, 'server:\n  log_level: info\nmodels:\n  echo:\n    provider: echo\n');
    expect(problemsOf(path, { env: { LLM_ROUTER_SERVER_LOG_LEVEL: 'loud' } })).toEqual([
      { path: 'server.log_level', message: 'LLM_ROUTER_SERVER_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "loud")' },
    ]);
  });

  it('reports YAML errors at the file path', () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'models: [\n');
    expect(() => loadConfig(path, { env: {} })).toThrow(ConfigValidationError);
    try {
      loadConfig(path, { env: {} });
    } catch (error: unknown) {
      expect(error instanceof ConfigValidationError && error.problems.map((p) => p.path)).toEqual([path]);
    }
  });

  it.each([
    ['a missing file', 'missing.yaml', 'cannot read file: ENOENT: no such file or directory'],
    ['a directory', '.', 'cannot read file: EISDIR: illegal operation on a directory'],
  ])('reports %s as one problem at its path, with the OS reason', (_case, name, message) => {
    const path = join(dir, name);
    let problems: unknown;
    try {
      loadConfig(path, { env: {} });
    } catch (error: unknown) {
      problems = error instanceof ConfigValidationError ? error.problems : error;
    }
    expect(problems).toEqual([{ path, message }]);
  });
});
