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

describe('server edge limits (body budget, JSON depth, timeouts, CORS)', () => {
  it('resolves the keys as written: MB to bytes, seconds to ms, methods upper-case, header names lower-case', () => {
    const server = parseConfig(
      `server:
  body_limit_mb: 8
  max_inflight_body_mb: 40
  max_json_depth: 32
  transform_step_budget: 250000
  request_timeout: 1.5
  keep_alive_timeout: 2
  cors:
    allowed_origins: [https://app.example.com, "http://localhost:3000"]
    allowed_methods: [post]
    allowed_headers: [Content-Type, X-Api-Key]
    max_age: 60
${MODELS}`,
      'test.yaml',
      { env: {} },
    ).server;
    expect(server).toMatchObject({
      bodyLimitBytes: 8 * 1024 * 1024,
      maxInflightBodyBytes: 40 * 1024 * 1024,
      maxJsonDepth: 32,
      transformStepBudget: 250_000,
      requestTimeoutMs: 1500,
      keepAliveTimeoutMs: 2000,
      cors: { allowedOrigins: ['https://app.example.com', 'http://localhost:3000'], allowedMethods: ['POST'], allowedHeaders: ['content-type', 'x-api-key'], maxAgeSeconds: 60 },
    });
  });

  it('takes LLM_ROUTER_SERVER_* overrides for the numeric limits, and names the variable when one is not a number', () => {
    const env = { LLM_ROUTER_SERVER_BODY_LIMIT_MB: '4', LLM_ROUTER_SERVER_MAX_INFLIGHT_BODY_MB: '12', LLM_ROUTER_SERVER_MAX_JSON_DEPTH: '16', LLM_ROUTER_SERVER_TRANSFORM_STEP_BUDGET: '20000', LLM_ROUTER_SERVER_REQUEST_TIMEOUT: '5', LLM_ROUTER_SERVER_KEEP_ALIVE_TIMEOUT: '3' };
    expect(parseConfig(`server:\n  body_limit_mb: 100\n  max_inflight_body_mb: 200\n${MODELS}`, 'test.yaml', { env }).server).toMatchObject({
      bodyLimitBytes: 4 * 1024 * 1024,
      maxInflightBodyBytes: 12 * 1024 * 1024,
      maxJsonDepth: 16,
      transformStepBudget: 20_000,
      requestTimeoutMs: 5000,
      keepAliveTimeoutMs: 3000,
    });
    expect(problemsOf(MODELS, { env: { LLM_ROUTER_SERVER_REQUEST_TIMEOUT: '10s' } })).toEqual([
      { path: 'server.request_timeout', message: 'LLM_ROUTER_SERVER_REQUEST_TIMEOUT must be a number (got "10s")' },
    ]);
  });

  it('reports every bad value at its path', () => {
    expect(
      problemsOf(`server:
  body_limit_mb: 30
  max_inflight_body_mb: 20
  max_json_depth: 0
  transform_step_budget: 10
  request_timeout: 0
  keep_alive_timeout: -1
  cors:
    allowed_origins: ["https://app.example.com/", 5]
    allowed_methods: ["GET POST"]
    allowed_headers: ["bad header"]
    max_age: 1.5
    credentials: true
${MODELS}`),
    ).toEqual(
      expect.arrayContaining([
        { path: 'server.max_inflight_body_mb', message: 'must be >= body_limit_mb (30)' },
        { path: 'server.max_json_depth', message: 'must be an integer between 1 and 1000' },
        { path: 'server.transform_step_budget', message: 'must be an integer between 1000 and 1000000000' },
        { path: 'server.request_timeout', message: 'must be a positive number' },
        { path: 'server.keep_alive_timeout', message: 'must be a positive number' },
        { path: 'server.cors.allowed_origins[0]', message: "must be an origin such as https://app.example.com (scheme://host[:port], no path), or * (got 'https://app.example.com/')" },
        { path: 'server.cors.allowed_origins[1]', message: 'must be an origin such as https://app.example.com, or *' },
        { path: 'server.cors.allowed_methods[0]', message: 'must be a method name' },
        { path: 'server.cors.allowed_headers[0]', message: 'must be a header name' },
        { path: 'server.cors.max_age', message: 'must be an integer' },
        { path: 'server.cors.credentials', message: 'unknown key' },
      ]),
    );
  });

  it('compares the in-flight budget with the default body limit when body_limit_mb is omitted', () => {
    expect(problemsOf(`server:\n  max_inflight_body_mb: 10\n${MODELS}`)).toEqual([{ path: 'server.max_inflight_body_mb', message: 'must be >= body_limit_mb (20)' }]);
  });
});
