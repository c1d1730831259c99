import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import type { LoadConfigOptions } from './load-config-options.js';
import { parseConfig } from './parse-config.js';

const MODELS = 'models:\n  echo:\n    provider: echo\n';

function problemsOf(yaml: string, options: LoadConfigOptions = { env: {} }): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', options);
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('server.admin (the /metrics listener)', () => {
  it('defaults to 127.0.0.1:9464 and takes host and port as written', () => {
    expect(parseConfig(MODELS, 'test.yaml', { env: {} }).server.admin).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseConfig(`server:\n  admin:\n    host: 0.0.0.0\n    port: 0\n${MODELS}`, 'test.yaml', { env: {} }).server.admin).toEqual({ host: '0.0.0.0', port: 0 });
  });

  it('takes LLM_ROUTER_SERVER_ADMIN_HOST and LLM_ROUTER_SERVER_ADMIN_PORT over the file', () => {
    const env = { LLM_ROUTER_SERVER_ADMIN_HOST: '0.0.0.0', LLM_ROUTER_SERVER_ADMIN_PORT: '9100' };
    expect(parseConfig(`server:\n  admin:\n    port: 8000\n${MODELS}`, 'test.yaml', { env }).server.admin).toEqual({ host: '0.0.0.0', port: 9100 });
    expect(problemsOf(MODELS, { env: { LLM_ROUTER_SERVER_ADMIN_PORT: 'x' } })).toEqual([
      { path: 'server.admin.port', message: 'LLM_ROUTER_SERVER_ADMIN_PORT must be an integer between 0 and 65535 (0 picks a free port) (got "x")' },
    ]);
  });

  it('reports bad values at their paths, and a fixed admin port equal to the public port', () => {
    expect(problemsOf(`server:\n  admin:\n    host: ""\n    port: 70000\n    path: /m\n${MODELS}`)).toEqual(
      expect.arrayContaining([
        { path: 'server.admin.host', message: 'must be a non-empty string' },
        { path: 'server.admin.port', message: 'must be an integer between 0 and 65535' },
        { path: 'server.admin.path', message: 'unknown key' },
      ]),
    );
    expect(problemsOf(`server:\n  admin: 9464\n${MODELS}`)).toEqual([{ path: 'server.admin', message: 'must be a mapping' }]);
    expect(problemsOf(`server:\n  port: 9464\n${MODELS}`)).toEqual([{ path: 'server.port', message: 'must differ from server.admin.port (9464, the default): both listen at once' }]);
    expect(problemsOf(`server:\n  admin:\n    port: 8000\n${MODELS}`)).toEqual([{ path: 'server.admin.port', message: 'must differ from server.port (8000): both listen at once' }]);
    expect(parseConfig(`server:\n  port: 0\n  admin:\n    port: 0\n${MODELS}`, 'test.yaml', { env: {} }).server.admin.port).toBe(0);
  });
});
