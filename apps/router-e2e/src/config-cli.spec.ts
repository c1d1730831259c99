import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { connect } from 'node:net';
import { freePort, openaiClient, sleep, spawnRouterWithArgs, type SpawnedRouter } from './support/policy-helpers.js';
import { runRouterCli, startRouter, writeConfig, type RunningRouter } from './support/start-router.js';

/** The stderr lines that name one problem each: `  <path>: <message>`. */
// Every CLI case spawns a Node process (about a second each); leave room on a loaded machine.
jest.setTimeout(30_000);

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => /^\s+\S+: /.test(l));

describe('the router CLI', () => {
  it('--help exits 0 and prints usage', async () => {
    const { code, stdout } = await runRouterCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('--config');
    expect(stdout).toContain('--port');
    expect(stdout).toContain('--host');
  });

  it('an unknown flag exits 2', async () => {
    const { code, stderr } = await runRouterCli(['--no-such-flag']);
    expect(code).toBe(2);
    expect(stderr).toContain('--no-such-flag');
  });

  it('a missing config file exits 2 naming the file', async () => {
    const missing = '/nonexistent-llm-router-e2e/config.yaml';
    const { code, stderr } = await runRouterCli(['--config', missing]);
    expect(code).toBe(2);
    expect(stderr).toContain(missing);
    expect(stderr).toMatch(/cannot read file|ENOENT/);
  });

  it('schema problems: every one reported, one line each, with its path', async () => {
    const path = writeConfig({
      server: { port: 'eighty' },
      models: {
        gpt: { provider: 'openai', endpoint: 'http://127.0.0.1:9/v1', tiemout: 5, retry_config: { max_retries: -1 } },
      },
    });
    const { code, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes('models.gpt.retry_config.max_retries:'))).toBe(true);
    expect(lines.some((l) => l.includes('models.gpt.tiemout:') && l.includes('unknown key'))).toBe(true);
    expect(lines.some((l) => l.includes('server.port:'))).toBe(true);
  });

  it('compile problems: unknown provider, bad regexes and JSONPath, one line each, with its path', async () => {
    const path = writeConfig({
      header_rules: { drop_headers: ['/x(/'] },
      transformations: [{ name: 'bad-regex', type: 'regex_replace', pattern: '(unclosed', replacement: 'x' }],
      models: {
        weird: { provider: 'no-such-provider' },
        ok: { provider: 'echo', transformations: [{ name: 'bad-path', type: 'jsonpath_drop', path: '$' }] },
      },
    });
    const { code, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes('models.weird.provider:') && l.includes('no-such-provider'))).toBe(true);
    expect(lines.some((l) => l.includes('header_rules.drop_headers[0]:'))).toBe(true);
    expect(lines.some((l) => l.includes('transformations[0].pattern:'))).toBe(true);
    expect(lines.some((l) => l.includes('models.ok.transformations[0].path:'))).toBe(true);
  });

  it('reports schema and compile problems in one round: the schema-valid parts are compiled too', async () => {
    // Regexes, JSONPaths and provider names of the schema-valid parts are compiled before Nest boots, so a
    // file with problems of both kinds is reported at once (README: Configuration > Validation).
    const transformations = [{ name: 'bad-regex', type: 'regex_replace', pattern: '(unclosed', replacement: 'x' }];
    const schemaBroken = writeConfig({
      transformations,
      models: {
        gpt: { provider: 'openai', endpoint: 'http://127.0.0.1:9/v1', tiemout: 5, retry_config: { max_retries: -1 } },
        weird: { provider: 'no-such-provider' },
      },
    });
    const { code, stderr } = await runRouterCli(['--config', schemaBroken]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines.filter((l) => l.includes('models.gpt.retry_config.max_retries:'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('models.gpt.tiemout: unknown key'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("transformations[0].pattern: invalid regex in rule 'bad-regex'"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('models.weird.provider: unknown provider'))).toHaveLength(1);
    expect(lines).toHaveLength(4);
  });

  it('an unset ${VAR} without a default exits 2 naming the value path and the variable', async () => {
    const path = writeConfig({ models: { gpt: { provider: 'openai', endpoint: 'http://127.0.0.1:9/v1', api_key: '${E2E_POLICY_SURELY_UNSET_VAR}' } } });
    expect(process.env['E2E_POLICY_SURELY_UNSET_VAR']).toBeUndefined();
    const { code, stderr } = await runRouterCli(['--config', path]);
    expect(code).toBe(2);
    const lines = problemLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('models.gpt.api_key:');
    expect(lines[0]).toContain('E2E_POLICY_SURELY_UNSET_VAR');
  });

  it('an invalid LLM_ROUTER_SERVER_PORT exits 2 naming server.port', async () => {
    const path = writeConfig({ models: { echo: { provider: 'echo' } } });
    const { code, stderr } = await runRouterCli(['--config', path], { LLM_ROUTER_SERVER_PORT: 'not-a-port' });
    expect(code).toBe(2);
    expect(stderr).toContain('server.port');
    expect(stderr).toContain('LLM_ROUTER_SERVER_PORT');
  });
});

describe('env overrides and ${VAR} substitution', () => {
  const ENV_KEY = 'sk-from-env-override-0123456789ab';
  const FILE_KEY = 'sk-from-the-file-0123456789abcdef';
  const SUBSTITUTED_KEY = 'sk-substituted-var-0123456789abcd';
  let envMock: MockUpstream;
  let varMock: MockUpstream;
  let deadPort: number;

  beforeAll(async () => {
    envMock = await startMockOpenAI({ apiKey: ENV_KEY });
    varMock = await startMockOpenAI({ apiKey: SUBSTITUTED_KEY });
    deadPort = await freePort();
  });
  afterAll(async () => {
    await Promise.all([envMock?.close(), varMock?.close()]);
  });
  beforeEach(() => {
    envMock.reset();
    varMock.reset();
  });

  describe('LLM_ROUTER_MODEL_<NAME>_API_KEY / _ENDPOINT beat the file', () => {
    let router: RunningRouter;
    beforeAll(async () => {
      router = await startRouter({
        config: {
          models: {
            // NAME: every non-alphanumeric becomes '_', upper-cased -> GPT_4_1_ENV
            'gpt-4.1:env': { provider: 'openai', endpoint: `http://127.0.0.1:${deadPort}/v1`, api_key: FILE_KEY, actual_model_name: 'gpt-4.1-mini', retry_config: { max_retries: 0 } },
          },
        },
        env: { LLM_ROUTER_MODEL_GPT_4_1_ENV_API_KEY: ENV_KEY, LLM_ROUTER_MODEL_GPT_4_1_ENV_ENDPOINT: `${envMock.origin}/v1` },
      });
    }, 30_000);
    afterAll(() => router?.stop(), 20_000);

    it('the env endpoint gets the request, with the env key', async () => {
      const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-4.1:env', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.model).toBe('gpt-4.1:env');
      expect(envMock.requests).toHaveLength(1);
      expect(envMock.requests[0]?.headers['authorization']).toBe(`Bearer ${ENV_KEY}`);
      expect(JSON.stringify(envMock.requests[0]?.headers)).not.toContain(FILE_KEY);
    });
  });

  describe('${VAR} and ${VAR:-default} in the YAML', () => {
    let router: RunningRouter;
    beforeAll(async () => {
      const yaml = [
        'header_rules:',
        '  add_headers:',
        '    X-Team: "${E2E_POLICY_TEAM}"',
        '    X-Fallback: "${E2E_POLICY_UNSET_FOR_DEFAULT:-fallback-value}"',
        'models:',
        '  gpt-var:',
        '    provider: openai',
        '    endpoint: "${E2E_POLICY_ORIGIN}/v1"',
        '    api_key: ${E2E_POLICY_KEY}',
        '    actual_model_name: gpt-4.1-mini',
        '',
      ].join('\n');
      router = await startRouter({
        configPath: writeConfig(yaml),
        env: { E2E_POLICY_TEAM: 'ml-platform', E2E_POLICY_ORIGIN: varMock.origin, E2E_POLICY_KEY: SUBSTITUTED_KEY, E2E_POLICY_UNSET_FOR_DEFAULT: '' },
      });
    }, 30_000);
    afterAll(() => router?.stop(), 20_000);

    it('substitutes endpoint, api_key and header values from the environment', async () => {
      const completion = await openaiClient(router).chat.completions.create({ model: 'gpt-var', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.model).toBe('gpt-var');
      expect(varMock.requests).toHaveLength(1);
      const seen = varMock.requests[0];
      expect(seen?.headers['authorization']).toBe(`Bearer ${SUBSTITUTED_KEY}`);
      expect(seen?.headers['x-team']).toBe('ml-platform');
      expect(seen?.headers['x-fallback']).toBe('fallback-value');
    });
  });
});

describe('listen address: --port/--host beat LLM_ROUTER_SERVER_PORT/_HOST, which beat server.port/host', () => {
  let configPath: string;
  let filePort: number;
  const spawned: SpawnedRouter[] = [];

  beforeAll(async () => {
    filePort = await freePort();
    configPath = writeConfig({ server: { host: '0.0.0.0', port: filePort }, models: { echo: { provider: 'echo' } } });
  });
  afterAll(async () => {
    await Promise.all(spawned.map((r) => r.stop()));
  }, 20_000);

  it('uses LLM_ROUTER_SERVER_PORT and LLM_ROUTER_SERVER_HOST when no flags are given', async () => {
    const envPort = await freePort();
    const router = await spawnRouterWithArgs(['--config', configPath], { LLM_ROUTER_SERVER_PORT: String(envPort), LLM_ROUTER_SERVER_HOST: '127.0.0.1' });
    spawned.push(router);
    expect(router.port).toBe(envPort);
    expect(new URL(router.url).hostname).toBe('127.0.0.1');
    const health = await fetch(`http://127.0.0.1:${envPort}/health`);
    expect(health.status).toBe(200);
    await router.stop();
  });

  it('--port and --host beat the env variables', async () => {
    const envPort = await freePort();
    const flagPort = await freePort();
    const router = await spawnRouterWithArgs(['--config', configPath, '--port', String(flagPort), '--host', '127.0.0.1'], {
      LLM_ROUTER_SERVER_PORT: String(envPort),
      LLM_ROUTER_SERVER_HOST: '0.0.0.0',
    });
    spawned.push(router);
    expect(router.port).toBe(flagPort);
    expect(new URL(router.url).hostname).toBe('127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${flagPort}/health`)).status).toBe(200);
    await router.stop();
  });

  it('server.port and server.host from the file are used when neither is given', async () => {
    const router = await spawnRouterWithArgs(['--config', configPath], { LLM_ROUTER_SERVER_PORT: '', LLM_ROUTER_SERVER_HOST: '' });
    spawned.push(router);
    expect(router.port).toBe(filePort);
    expect(new URL(router.url).hostname).toBe('0.0.0.0');
    expect((await fetch(`http://127.0.0.1:${filePort}/health`)).status).toBe(200);
    await router.stop();
  });
});

describe('shutdown on SIGTERM (exit code 0: clean shutdown)', () => {
  const configPath = writeConfig({ models: { echo: { provider: 'echo' } } });

  /** Sends SIGTERM and resolves with the exit code and how long the exit took (null code if it outlived `limitMs`). */
  const terminate = (router: SpawnedRouter, limitMs: number) =>
    new Promise<{ code: number | null; ms: number; exited: boolean }>((resolve) => {
      const started = Date.now();
      const timer = setTimeout(() => resolve({ code: null, ms: Date.now() - started, exited: false }), limitMs);
      router.process.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, ms: Date.now() - started, exited: true });
      });
      router.process.kill('SIGTERM');
    });

  it('exits 0 promptly after serving requests', async () => {
    const router = await spawnRouterWithArgs(['--config', configPath, '--host', '127.0.0.1', '--port', '0']);
    try {
      const completion = await openaiClient(router).chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.model).toBe('echo');
      const outcome = await terminate(router, 5_000);
      expect(outcome).toMatchObject({ exited: true, code: 0 });
    } finally {
      await router.stop();
    }
  });

  it('exits 0 promptly even while a client holds an idle connection that never sent a request', async () => {
    const router = await spawnRouterWithArgs(['--config', configPath, '--host', '127.0.0.1', '--port', '0']);
    const socket = connect(router.port, '127.0.0.1');
    socket.on('error', () => undefined);
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await sleep(100);
      const outcome = await terminate(router, 5_000);
      expect(outcome).toMatchObject({ exited: true, code: 0 });
    } finally {
      socket.destroy();
      await router.stop();
    }
  });
});

