import { loadConfig, resolveConfigPath } from '@llm-router/config';
import { parseCliOptions } from './cli-options.js';

/**
 * The liveness URL of a router started with `argv` (its flags, after `main.js`) in `cwd`: the port and
 * host it really listens on, resolved exactly as the router resolves them (flags > LLM_ROUTER_* env >
 * config file > defaults). A wildcard listen address is probed on loopback. Undefined for port 0 (a
 * random port nobody can know from outside). Throws when the flags or the config are invalid (the
 * router would not have started either).
 */
export function healthcheckUrl(argv: readonly string[], cwd: string, bundledConfig: string): string | undefined {
  const cli = parseCliOptions(argv);
  const { path } = resolveConfigPath(cli.config, { cwd, fallback: bundledConfig });
  const { server } = loadConfig(path, { overrides: { host: cli.host, port: cli.port } });
  if (server.port === 0) return undefined;
  const host = server.host === '0.0.0.0' || server.host === '' ? '127.0.0.1' : server.host === '::' ? '[::1]' : server.host.includes(':') ? `[${server.host}]` : server.host;
  return `http://${host}:${server.port}/health/live`;
}
