import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { parseConfig } from './parse-config.js';
import type { LoadConfigOptions } from './load-config-options.js';

/** The problems `parseConfig` throws; fails the test when it does not throw a ConfigValidationError. */
function problemsOf(yaml: string, options: LoadConfigOptions = { env: {} }): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', options);
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const MINIMAL = 'models:\n  gpt-4:\n    provider: openai\n';

describe('parseConfig', () => {
  describe('defaults and units', () => {
    it('fills every default for a minimal file', () => {
      expect(parseConfig(MINIMAL, 'test.yaml', { env: {} })).toEqual({
        server: { host: '127.0.0.1', port: 8000, logLevel: 'info', logRequests: false, logResponses: false, maskApiKeys: true, bodyLimitBytes: 20 * 1024 * 1024,
          maxInflightBodyBytes: 64 * 1024 * 1024,
          maxJsonDepth: 128,
          transformStepBudget: 5_000_000,
          requestTimeoutMs: 60_000,
          keepAliveTimeoutMs: 65_000,
          admin: { host: '127.0.0.1', port: 9464 },
          cors: { allowedOrigins: [], allowedMethods: ['GET', 'POST'], allowedHeaders: ['authorization', '*'], maxAgeSeconds: 600 },
          shutdownGraceMs: 30_000,
          streamFrameLimitChars: 8 * 1024 * 1024,
        },
        models: {
          'gpt-4': {
            name: 'gpt-4',
            provider: 'openai',
            api: 'auto',
            timeoutMs: 60_000,
            connectTimeoutMs: 10_000,
            streamIdleTimeoutMs: 60_000,
            sslVerify: true,
            actualModelName: 'gpt-4',
            forwardClientCredentials: false,
            fetchImageUrls: false,
            reasoning: true,
            imageFetchMaxBytes: 5 * 1024 * 1024,
            retry: { maxRetries: 3, retryStatusCodes: [429, 500, 502, 503, 504], backoffFactor: 2, initialDelayMs: 1000, maxDelayMs: 60_000 },
            transformations: [],
            // The seed's form is one deployment; routing defaults apply.
            deployments: [expect.objectContaining({ key: 'gpt-4#0|openai||gpt-4', label: '0', index: 0, weight: 1, priority: 0, path: 'models.gpt-4', provider: 'openai' })],
            fallbacks: [],
            contextWindowFallbacks: [],
            loadBalancing: 'weighted',
            routing: { cooldown: { allowedFails: 3, cooldownMs: 30_000 }, fallbackOn: [429, 500, 502, 503, 504, 529, 'timeout', 'network'] },
          },
        },
        headerRules: { dropAll: false, dropHeaders: [], addHeaders: {}, forceHeaders: {} },
        transformations: [],
        source: 'test.yaml',
        state: { store: 'memory', onError: 'fail_closed', timeoutMs: 100, reservationTtlMs: 600_000, memoryMaxKeys: 100_000 },
      });
    });

    it('omits optional model keys that are not written', () => {
      const model = parseConfig(MINIMAL, 'test.yaml', { env: {} }).models['gpt-4'];
      expect(model).not.toHaveProperty('endpoint');
      expect(model).not.toHaveProperty('apiKey');
      expect(model).not.toHaveProperty('maxTokens');
      expect(model).not.toHaveProperty('headerRules');
    });

    it('resolves a full file, converting seconds to ms and MB to bytes', () => {
      const config = parseConfig(
        `
server:
  host: 0.0.0.0
  port: 9000
  log_level: debug
  log_requests: true
  log_responses: true
  mask_api_keys: false
  body_limit_mb: 1.5
  shutdown_grace_period: 2.5
  stream_frame_limit_mb: 0.5
models:
  claude-3.5:latest:
    provider: anthropic
    endpoint: https://api.anthropic.com
    api_key: sk-file
    timeout: 2.5
    connect_timeout: 0.25
    stream_idle_timeout: 30
    ssl_verify: false
    actual_model_name: claude-3-5-sonnet-latest
    forward_client_credentials: true
    max_tokens: 4096
    max_output_tokens: 8192
    fetch_image_urls: true
    image_fetch_max_mb: 0.5
    reasoning: false
    retry_config:
      max_retries: 0
      retry_status_codes: [429]
      backoff_factor: 1.5
      initial_delay: 0.5
      max_delay: 10
    header_rules:
      drop_headers: [x-model-debug]
    transformations:
      - name: tag
        type: jsonpath_add
        path: $.metadata.tag
        value: null
  fast:
    provider: echo
    timeout: 5
header_rules:
  drop_all: true
  drop_headers: ["x-debug", "/^x-internal-.*$/i"]
  add_headers: {X-Source: llm-router}
  force_headers: {X-Env: prod}
transformations:
  - name: redact-emails
    type: regex_replace
    enabled: false
    pattern: "[a-z]+@[a-z]+\\\\.com"
    replacement: ""
    flags: IGNORECASE|MULTILINE
  - name: drop-meta
    type: jsonpath_drop
    path: $.metadata
  - name: add-source
    type: jsonpath_add
    path: $.metadata
    value: {source: router, tags: [a, 1]}
`,
        '<inline>',
        { env: {} },
      );
      expect(config.server).toMatchObject({ host: '0.0.0.0', port: 9000, logLevel: 'debug', logRequests: true, logResponses: true, maskApiKeys: false, bodyLimitBytes: 1572864, shutdownGraceMs: 2500, streamFrameLimitChars: 524288 });
      const { deployments, fallbacks: _f, contextWindowFallbacks: _c, loadBalancing: _l, routing: _r, ...upstream } = config.models['claude-3.5:latest'] ?? {};
      // The single deployment carries the same upstream fields as the model's top level.
      expect(deployments?.[0]).toMatchObject(upstream);
      expect(upstream).toEqual({
        name: 'claude-3.5:latest',
        provider: 'anthropic',
        endpoint: 'https://api.anthropic.com',
        api: 'auto',
        apiKey: 'sk-file',
        timeoutMs: 2500,
        connectTimeoutMs: 250,
        streamIdleTimeoutMs: 30_000,
        sslVerify: false,
        actualModelName: 'claude-3-5-sonnet-latest',
        forwardClientCredentials: true,
        maxTokens: 4096,
        maxOutputTokens: 8192,
        fetchImageUrls: true,
        reasoning: false,
        imageFetchMaxBytes: 524288,
        retry: { maxRetries: 0, retryStatusCodes: [429], backoffFactor: 1.5, initialDelayMs: 500, maxDelayMs: 10_000 },
        headerRules: { dropAll: false, dropHeaders: ['x-model-debug'], addHeaders: {}, forceHeaders: {} },
        transformations: [{ name: 'tag', type: 'jsonpath_add', enabled: true, path: '$.metadata.tag', value: null, stage: 'request' }],
      });
      // stream_idle_timeout defaults to the model's own timeout.
      expect(config.models['fast']?.streamIdleTimeoutMs).toBe(5000);
      expect(config.headerRules).toEqual({
        dropAll: true,
        dropHeaders: ['x-debug', '/^x-internal-.*$/i'],
        addHeaders: { 'X-Source': 'llm-router' },
        forceHeaders: { 'X-Env': 'prod' },
      });
      expect(config.transformations).toEqual([
        { name: 'redact-emails', type: 'regex_replace', enabled: false, pattern: '[a-z]+@[a-z]+\\.com', replacement: '', flags: ['IGNORECASE', 'MULTILINE'], stage: 'request' },
        { name: 'drop-meta', type: 'jsonpath_drop', enabled: true, path: '$.metadata', stage: 'request' },
        { name: 'add-source', type: 'jsonpath_add', enabled: true, path: '$.metadata', value: { source: 'router', tags: ['a', 1] }, stage: 'request' },
      ]);
      expect(config.source).toBe('<inline>');
    });

    it('reads a transformation stage (default request) and refuses an unknown one, naming the path', () => {
      const config = parseConfig(
        `${MINIMAL}transformations:
  - {name: a, type: jsonpath_add, path: $.options.num_ctx, value: 32768, stage: upstream}
  - {name: b, type: jsonpath_drop, path: $.user, stage: request}
  - {name: c, type: jsonpath_drop, path: $.user}
`,
        'test.yaml',
        { env: {} },
      );
      expect(config.transformations.map((t) => t.stage)).toEqual(['upstream', 'request', 'request']);
      expect(problemsOf(`${MINIMAL}    transformations: [{name: a, type: jsonpath_drop, path: $.a, stage: after}]\n`)).toEqual([
        { path: 'models.gpt-4.transformations[0].stage', message: 'must be one of request, upstream' },
      ]);
    });

    it('accepts flags as a list and as JS flag letters', () => {
      const config = parseConfig(
        `${MINIMAL}transformations:
  - {name: a, type: regex_replace, pattern: x, replacement: y, flags: [IGNORECASE, MULTILINE]}
  - {name: b, type: regex_replace, pattern: x, replacement: y, flags: im}
`,
        'test.yaml',
        { env: {} },
      );
      expect(config.transformations.map((t) => t.flags)).toEqual([
        ['IGNORECASE', 'MULTILINE'],
        ['i', 'm'],
      ]);
    });

    it('treats keys written without a value as absent', () => {
      const config = parseConfig('server:\n  port:\nmodels:\n  m:\n    provider: echo\n    timeout:\n    header_rules:\n', 'test.yaml', { env: {} });
      expect(config.server.port).toBe(8000);
      expect(config.models['m']?.timeoutMs).toBe(60_000);
      expect(config.models['m']).not.toHaveProperty('headerRules');
    });

    it('supports YAML anchors and merge keys', () => {
      const { models } = parseConfig(
        `
models:
  a: &shared
    provider: openai
    timeout: 5
  b:
    <<: *shared
    timeout: 7
`,
        'test.yaml',
        { env: {} },
      );
      expect(models['b']).toMatchObject({ provider: 'openai', timeoutMs: 7000 });
      expect(models['a']).toMatchObject({ provider: 'openai', timeoutMs: 5000 });
    });

    it('treats an empty api_key or endpoint as absent', () => {
      const { models } = parseConfig('models:\n  m:\n    provider: openai\n    api_key: ${KEY:-}\n    endpoint: ""\n', 'test.yaml', { env: {} });
      expect(models['m']).not.toHaveProperty('apiKey');
      expect(models['m']).not.toHaveProperty('endpoint');
    });

    it('reads process.env when no env is given', () => {
      const name = 'LLM_ROUTER_CONFIG_SPEC_PROBE';
      process.env[name] = 'from-process-env';
      try {
        expect(parseConfig(`models:\n  m:\n    provider: echo\n    api_key: \${${name}}\n`, 'test.yaml').models['m']?.apiKey).toBe('from-process-env');
      } finally {
        delete process.env[name];
      }
    });
  });

  describe('${VAR} references', () => {
    it('substitutes ${VAR} and ${VAR:-default} after parsing, so values cannot inject YAML', () => {
      const { models } = parseConfig(
        `
models:
  gpt-4:
    provider: openai
    api_key: \${OPENAI_API_KEY}
    endpoint: \${OPENAI_BASE:-https://api.openai.com/v1}
    actual_model_name: "\${PREFIX}-turbo"
`,
        'test.yaml',
        { env: { OPENAI_API_KEY: 'sk-a", provider: evil, x: "', PREFIX: 'gpt-4' } },
      );
      expect(models['gpt-4']).toMatchObject({
        provider: 'openai',
        apiKey: 'sk-a", provider: evil, x: "',
        endpoint: 'https://api.openai.com/v1',
        actualModelName: 'gpt-4-turbo',
      });
    });

    it('keeps $${ as a literal ${', () => {
      const { headerRules } = parseConfig(`${MINIMAL}header_rules:\n  force_headers: {X-Template: "$\${user}"}\n`, 'test.yaml', { env: { user: 'u' } });
      expect(headerRules.forceHeaders).toEqual({ 'X-Template': '${user}' });
    });

    it('reports an unset variable at the value path', () => {
      expect(problemsOf('models:\n  gpt-4:\n    provider: openai\n    api_key: ${OPENAI_API_KEY}\n')).toEqual([
        { path: 'models.gpt-4.api_key', message: 'environment variable OPENAI_API_KEY is not set (use ${OPENAI_API_KEY:-} to allow empty)' },
      ]);
    });

    it('yields strings, which numeric keys reject', () => {
      expect(problemsOf(`server:\n  port: \${PORT}\n${MINIMAL}`, { env: { PORT: '9000' } })).toEqual([
        { path: 'server.port', message: 'must be an integer between 0 and 65535' },
      ]);
    });
  });

  describe('env and CLI overrides', () => {
    const FILE = `
server:
  host: file-host
  port: 1111
models:
  gpt-4:
    provider: openai
    api_key: file-key
    endpoint: https://file.example/v1
  claude-3.5:latest:
    provider: anthropic
`;

    it('uses the file when nothing overrides it', () => {
      const config = parseConfig(FILE, 'test.yaml', { env: {} });
      expect(config.server).toMatchObject({ host: 'file-host', port: 1111 });
      expect(config.models['gpt-4']).toMatchObject({ apiKey: 'file-key', endpoint: 'https://file.example/v1' });
    });

    it('lets LLM_ROUTER_* env beat the file', () => {
      const config = parseConfig(FILE, 'test.yaml', {
        env: {
          LLM_ROUTER_SERVER_HOST: 'env-host',
          LLM_ROUTER_SERVER_PORT: '2222',
          LLM_ROUTER_MODEL_GPT_4_API_KEY: 'env-key',
          LLM_ROUTER_MODEL_GPT_4_ENDPOINT: 'https://env.example/v1',
          LLM_ROUTER_MODEL_CLAUDE_3_5_LATEST_API_KEY: 'env-claude-key',
        },
      });
      expect(config.server).toMatchObject({ host: 'env-host', port: 2222 });
      expect(config.models['gpt-4']).toMatchObject({ apiKey: 'env-key', endpoint: 'https://env.example/v1' });
      expect(config.models['claude-3.5:latest']).toMatchObject({ apiKey: 'env-claude-key' });
      expect(config.models['claude-3.5:latest']).not.toHaveProperty('endpoint');
    });

    it('lets CLI overrides beat env', () => {
      const config = parseConfig(FILE, 'test.yaml', {
        env: { LLM_ROUTER_SERVER_HOST: 'env-host', LLM_ROUTER_SERVER_PORT: '2222' },
        overrides: { host: 'cli-host', port: 3333 },
      });
      expect(config.server).toMatchObject({ host: 'cli-host', port: 3333 });
    });

    it('ignores an invalid env port when the CLI gives one', () => {
      expect(parseConfig(FILE, 'test.yaml', { env: { LLM_ROUTER_SERVER_PORT: 'nope' }, overrides: { port: 3333 } }).server.port).toBe(3333);
    });

    it('creates the server section for an override when the file has none', () => {
      expect(parseConfig(MINIMAL, 'test.yaml', { env: { LLM_ROUTER_SERVER_PORT: '8080' } }).server.port).toBe(8080);
    });

    it('treats empty env values as unset', () => {
      const config = parseConfig(FILE, 'test.yaml', { env: { LLM_ROUTER_SERVER_HOST: '', LLM_ROUTER_MODEL_GPT_4_API_KEY: '' } });
      expect(config.server.host).toBe('file-host');
      expect(config.models['gpt-4']?.apiKey).toBe('file-key');
    });

    it('takes env override values literally and does not require the file variable they replace', () => {
      const config = parseConfig('models:\n  gpt-4:\n    provider: openai\n    api_key: ${OPENAI_API_KEY}\n', 'test.yaml', {
        env: { LLM_ROUTER_MODEL_GPT_4_API_KEY: 'sk-${not-a-ref}' },
      });
      expect(config.models['gpt-4']?.apiKey).toBe('sk-${not-a-ref}');
    });

    it.each(['abc', '65536', '80.5', '-1'])('reports LLM_ROUTER_SERVER_PORT=%j at server.port', (port) => {
      expect(problemsOf(FILE, { env: { LLM_ROUTER_SERVER_PORT: port } })).toEqual([
        { path: 'server.port', message: `LLM_ROUTER_SERVER_PORT must be an integer between 0 and 65535 (0 picks a free port) (got "${port}")` },
      ]);
    });

    it('lets LLM_ROUTER_SERVER_LOG_LEVEL beat the file, and creates the server section for it', () => {
      const file = `server:\n  log_level: warn\n${MINIMAL}`;
      expect(parseConfig(file, 'test.yaml', { env: {} }).server.logLevel).toBe('warn');
      expect(parseConfig(file, 'test.yaml', { env: { LLM_ROUTER_SERVER_LOG_LEVEL: 'debug' } }).server.logLevel).toBe('debug');
      expect(parseConfig(file, 'test.yaml', { env: { LLM_ROUTER_SERVER_LOG_LEVEL: '' } }).server.logLevel).toBe('warn');
      expect(parseConfig(MINIMAL, 'test.yaml', { env: { LLM_ROUTER_SERVER_LOG_LEVEL: 'silent' } }).server.logLevel).toBe('silent');
    });

    it.each(['verbose', 'INFO', ' info', 'warning'])('reports LLM_ROUTER_SERVER_LOG_LEVEL=%j at server.log_level, listing the levels', (level) => {
      expect(problemsOf(FILE, { env: { LLM_ROUTER_SERVER_LOG_LEVEL: level } })).toEqual([
        { path: 'server.log_level', message: `LLM_ROUTER_SERVER_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "${level}")` },
      ]);
    });

    it('reports an invalid CLI port at server.port', () => {
      expect(problemsOf(FILE, { env: {}, overrides: { port: 70000 } })).toEqual([
        { path: 'server.port', message: 'port override must be an integer between 0 and 65535 (0 picks a free port) (got 70000)' },
      ]);
    });

    it('validates an env endpoint like a file one', () => {
      expect(problemsOf(FILE, { env: { LLM_ROUTER_MODEL_GPT_4_ENDPOINT: 'file:///etc/passwd' } })).toEqual([
        { path: 'models.gpt-4.endpoint', message: 'must be an http(s) URL' },
      ]);
    });

    it('refuses a model override shared by two model names', () => {
      expect(problemsOf('models:\n  gpt-4: {provider: openai}\n  gpt_4: {provider: openai}\n', { env: { LLM_ROUTER_MODEL_GPT_4_API_KEY: 'k' } })).toEqual([
        { path: 'models.gpt-4.api_key', message: 'LLM_ROUTER_MODEL_GPT_4_API_KEY is ambiguous: models gpt-4, gpt_4 all map to GPT_4' },
        { path: 'models.gpt_4.api_key', message: 'LLM_ROUTER_MODEL_GPT_4_API_KEY is ambiguous: models gpt-4, gpt_4 all map to GPT_4' },
      ]);
    });
  });

  describe('unknown keys', () => {
    it.each([
      ['top level', `${MINIMAL}modles: {}\n`, 'modles'],
      ['server', `server: {prot: 1}\n${MINIMAL}`, 'server.prot'],
      ['a model', `${MINIMAL}    tiemout: 5\n`, 'models.gpt-4.tiemout'],
      ['retry_config', `${MINIMAL}    retry_config: {max_retry: 1}\n`, 'models.gpt-4.retry_config.max_retry'],
      ['global header_rules', `${MINIMAL}header_rules: {drop: [a]}\n`, 'header_rules.drop'],
      ['model header_rules', `${MINIMAL}    header_rules: {add: {}}\n`, 'models.gpt-4.header_rules.add'],
      ['a transformation', `${MINIMAL}transformations:\n  - {name: a, type: jsonpath_drop, path: $.a, patern: x}\n`, 'transformations[0].patern'],
      ['a model transformation', `${MINIMAL}    transformations: [{name: a, type: jsonpath_drop, path: $.a, x: 1}]\n`, 'models.gpt-4.transformations[0].x'],
    ])('names an unknown key in %s', (_where, yaml, path) => {
      expect(problemsOf(yaml)).toEqual([{ path, message: 'unknown key' }]);
    });
  });

  describe('validation', () => {
    it('refuses a stream frame limit that is not a positive number', () => {
      expect(problemsOf('server:\n  stream_frame_limit_mb: 0\nmodels:\n  m: {provider: echo}\n')).toEqual([{ path: 'server.stream_frame_limit_mb', message: 'must be a positive number' }]);
    });

    it('reports every problem at once, with exact paths', () => {
      const problems = problemsOf(`
bogus: 1
server:
  port: 70000
  host: ""
  body_limit_mb: -1
  log_requests: "yes"
models:
  gpt-4:
    provider: openai
    tiemout: 3
    timeout: -2
    connect_timeout: 0
    stream_idle_timeout: .inf
    endpoint: ftp://example.com
    api_key: 42
    ssl_verify: 1
    actual_model_name: ""
    forward_client_credentials: "no"
    max_tokens: 1.5
    retry_config:
      max_retries: -1
      retry_status_codes: [429, 600, "x"]
      backoff_factor: 0.5
      initial_delay: 5
      max_delay: 2
  claude-3.5:latest: {provider: anthropic, timeout: abc}
  nameless: {}
  empty:
  listed: [1]
header_rules:
  drop_all: 1
  drop_headers: [x-a, 1]
  add_headers: {X-Count: 5, X-Ok: fine}
  force_headers: [X-Env]
transformations:
  - {name: a, type: jsonpath_drop, path: $.x, pattern: p}
  - {name: b, type: regex_replace, replacement: ""}
  - {type: regex_rep}
  - {name: c, type: jsonpath_add, path: $.y}
  - {name: d, type: regex_replace, pattern: p, replacement: r, flags: {i: true}}
  - {name: e, type: regex_replace, pattern: p, replacement: r, flags: [i, 1], enabled: maybe}
  - just a string
`);
      expect(problems).toEqual([
        { path: 'bogus', message: 'unknown key' },
        { path: 'server.host', message: 'must be a non-empty string' },
        { path: 'server.port', message: 'must be an integer between 0 and 65535' },
        { path: 'server.log_requests', message: 'must be true or false' },
        { path: 'server.body_limit_mb', message: 'must be a positive number' },
        { path: 'models.gpt-4.tiemout', message: 'unknown key' },
        { path: 'models.gpt-4.endpoint', message: 'must be an http(s) URL' },
        { path: 'models.gpt-4.api_key', message: 'must be a string' },
        { path: 'models.gpt-4.timeout', message: 'must be a positive number' },
        { path: 'models.gpt-4.connect_timeout', message: 'must be a positive number' },
        { path: 'models.gpt-4.stream_idle_timeout', message: 'must be a positive number' },
        { path: 'models.gpt-4.ssl_verify', message: 'must be true or false' },
        { path: 'models.gpt-4.actual_model_name', message: 'must be a non-empty string' },
        { path: 'models.gpt-4.forward_client_credentials', message: 'must be true or false' },
        { path: 'models.gpt-4.max_tokens', message: 'must be a positive integer' },
        { path: 'models.gpt-4.retry_config.max_retries', message: 'must be >= 0' },
        { path: 'models.gpt-4.retry_config.retry_status_codes[1]', message: 'must be an integer between 100 and 599' },
        { path: 'models.gpt-4.retry_config.retry_status_codes[2]', message: 'must be an integer between 100 and 599' },
        { path: 'models.gpt-4.retry_config.backoff_factor', message: 'must be >= 1' },
        { path: 'models.gpt-4.retry_config.max_delay', message: 'must be >= initial_delay' },
        { path: 'models.claude-3.5:latest.timeout', message: 'must be a positive number' },
        { path: 'models.nameless.provider', message: 'required' },
        { path: 'models.empty', message: 'must be a mapping' },
        { path: 'models.listed', message: 'must be a mapping' },
        { path: 'header_rules.drop_all', message: 'must be true or false' },
        { path: 'header_rules.drop_headers[1]', message: 'must be a string' },
        { path: 'header_rules.add_headers.X-Count', message: 'must be a string' },
        { path: 'header_rules.force_headers', message: 'must be a mapping of names to strings' },
        { path: 'transformations[0].pattern', message: 'not used by jsonpath_drop' },
        { path: 'transformations[1].pattern', message: 'required for regex_replace' },
        { path: 'transformations[2].name', message: 'required' },
        { path: 'transformations[2].type', message: 'must be one of regex_replace, jsonpath_drop, jsonpath_add' },
        { path: 'transformations[3].value', message: 'required for jsonpath_add' },
        { path: 'transformations[4].flags', message: 'must be a string or a list of strings' },
        { path: 'transformations[5].enabled', message: 'must be true or false' },
        { path: 'transformations[5].flags[1]', message: 'must be a string' },
        { path: 'transformations[6]', message: 'must be a mapping' },
      ]);
    });

    it.each([['verbose'], ['INFO'], ['""'], ['30'], ['[info]']])('rejects server.log_level %s, listing the allowed levels', (value) => {
      expect(problemsOf(`server:\n  log_level: ${value}\n${MINIMAL}`)).toEqual([
        { path: 'server.log_level', message: 'must be one of trace, debug, info, warn, error, fatal, silent' },
      ]);
    });

    it.each(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])('accepts server.log_level %s', (level) => {
      expect(parseConfig(`server:\n  log_level: ${level}\n${MINIMAL}`, 'test.yaml', { env: {} }).server.logLevel).toBe(level);
    });

    it('puts all problems in the thrown error message, one per line', () => {
      expect(() => parseConfig('models:\n  a: {provider: ""}\n  b: {provider: 5}\n', 'test.yaml', { env: {} })).toThrow(
        'invalid config:\n  models.a.provider: required\n  models.b.provider: must be a string',
      );
    });

    it.each([
      ['models missing', 'server: {port: 80}\n', 'must define at least one model'],
      ['models empty', 'models: {}\n', 'must define at least one model'],
      ['models a list', 'models: [gpt-4]\n', 'must be a mapping of model names to settings'],
      ['an empty model name', 'models: {"": {provider: echo}}\n', 'model names must not be empty'],
    ])('requires models (%s)', (_case, yaml, message) => {
      expect(problemsOf(yaml)).toEqual([{ path: 'models', message }]);
    });

    it('rejects sections of the wrong shape without looking inside them', () => {
      expect(problemsOf(`server: [1]\nheader_rules: 5\ntransformations: {name: a}\n${MINIMAL}    retry_config: [1]\n`)).toEqual([
        { path: 'server', message: 'must be a mapping' },
        { path: 'models.gpt-4.retry_config', message: 'must be a mapping' },
        { path: 'header_rules', message: 'must be a mapping' },
        { path: 'transformations', message: 'must be a list' },
      ]);
    });

    it('checks initial_delay against the default max_delay', () => {
      expect(problemsOf(`${MINIMAL}    retry_config: {initial_delay: 61}\n`)).toEqual([
        { path: 'models.gpt-4.retry_config.initial_delay', message: 'must be <= max_delay (60 by default)' },
      ]);
      expect(problemsOf(`${MINIMAL}    retry_config: {max_delay: 0.5}\n`)).toEqual([
        { path: 'models.gpt-4.retry_config.max_delay', message: 'must be >= initial_delay' },
      ]);
      expect(parseConfig(`${MINIMAL}    retry_config: {initial_delay: 0, max_delay: 0}\n`, 'test.yaml', { env: {} }).models['gpt-4']?.retry).toMatchObject({
        initialDelayMs: 0,
        maxDelayMs: 0,
      });
    });

    it('names the entry type a missing key is required for', () => {
      expect(problemsOf(`${MINIMAL}transformations:\n  - {name: a, type: jsonpath_drop}\n  - {name: b, type: jsonpath_add, value: 1}\n`)).toEqual([
        { path: 'transformations[0].path', message: 'required for jsonpath_drop' },
        { path: 'transformations[1].path', message: 'required for jsonpath_add' },
      ]);
    });

    it('accepts any provider name: the app decides which exist', () => {
      expect(parseConfig('models:\n  m: {provider: some-future-provider}\n', 'test.yaml', { env: {} }).models['m']?.provider).toBe('some-future-provider');
    });

    it('reports unset variables together with validation problems', () => {
      expect(problemsOf('server: {port: 70000}\nmodels:\n  m: {provider: openai, api_key: "${KEY}"}\n')).toEqual([
        { path: 'models.m.api_key', message: 'environment variable KEY is not set (use ${KEY:-} to allow empty)' },
        { path: 'server.port', message: 'must be an integer between 0 and 65535' },
      ]);
    });
  });

  describe('YAML errors', () => {
    it('reports a syntax error alone, at the source, with line and column', () => {
      expect(problemsOf('models:\n  gpt-4:\n    provider: openai\n    timeout: [60\nserver: {port: 70000}\n')).toEqual([
        { path: 'test.yaml', message: expect.stringMatching(/at line \d+, column \d+$/) },
      ]);
    });

    it('reports duplicate keys', () => {
      expect(problemsOf('models:\n  a: {provider: echo}\n  a: {provider: openai}\n')).toEqual([
        { path: 'test.yaml', message: 'Map keys must be unique at line 3, column 3' },
      ]);
    });

    it('requires a mapping at the top level', () => {
      expect(problemsOf('- a\n- b\n')).toEqual([{ path: 'test.yaml', message: 'the top level must be a mapping' }]);
    });

    it('treats an empty file as an empty mapping', () => {
      expect(problemsOf('# nothing yet\n')).toEqual([{ path: 'models', message: 'must define at least one model' }]);
    });
  });
});
