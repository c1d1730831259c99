import type { ConfigProblem } from '@llm-router/core';
import { isRecord } from './is-record.js';
import type { LoadConfigOptions } from './load-config-options.js';
import { modelEnvName } from './model-env-name.js';
import { LOG_LEVELS, type LogLevel } from './router-config.js';

export interface AppliedOverrides {
  problems: ConfigProblem[];
  /** Problem paths whose file value was replaced, so problems found in that file value no longer apply. */
  overridden: Set<string>;
}

/** `server.*` limits with an `LLM_ROUTER_SERVER_<KEY>` override; the validator then checks the number's range. */
const NUMERIC_SERVER_KEYS = ['body_limit_mb', 'max_inflight_body_mb', 'max_json_depth', 'transform_step_budget', 'request_timeout', 'keep_alive_timeout'] as const;

const PORT_RANGE = 'an integer between 0 and 65535 (0 picks a free port)';

/**
 * Applies CLI overrides, then `LLM_ROUTER_*` env overrides where no CLI override exists, to the parsed (and
 * interpolated) tree, in place. Env values are taken literally (no `${}`) and an empty env value counts as
 * unset. Sections or models that are not mappings are left for the validator to report.
 */
export function applyOverrides(tree: Record<string, unknown>, options: LoadConfigOptions, env: Record<string, string | undefined>): AppliedOverrides {
  const problems: ConfigProblem[] = [];
  const overridden = new Set<string>();
  const cli = options.overrides ?? {};

  const host = cli.host ?? nonEmpty(env['LLM_ROUTER_SERVER_HOST']);
  const port = cli.port !== undefined ? checkCliPort(cli.port, problems) : envPort(env, problems, 'LLM_ROUTER_SERVER_PORT', 'server.port');
  const adminHost = nonEmpty(env['LLM_ROUTER_SERVER_ADMIN_HOST']);
  const adminPort = envPort(env, problems, 'LLM_ROUTER_SERVER_ADMIN_PORT', 'server.admin.port');
  const logLevel = envLogLevel(env, problems);
  const numbers = NUMERIC_SERVER_KEYS.flatMap((key) => {
    const value = envNumber(env, key, problems);
    return value === undefined ? [] : [[key, value] as const];
  });
  const admin = adminHost !== undefined || adminPort !== undefined;
  if (host !== undefined || port !== undefined || admin || logLevel !== undefined || numbers.length > 0) {
    tree['server'] ??= {};
    const server = tree['server'];
    if (isRecord(server)) {
      if (host !== undefined) set(server, 'host', host, 'server.host', overridden);
      if (port !== undefined) set(server, 'port', port, 'server.port', overridden);
      if (logLevel !== undefined) set(server, 'log_level', logLevel, 'server.log_level', overridden);
      for (const [key, value] of numbers) set(server, key, value, `server.${key}`, overridden);
      if (admin) {
        server['admin'] ??= {};
        const section = server['admin'];
        if (isRecord(section)) {
          if (adminHost !== undefined) set(section, 'host', adminHost, 'server.admin.host', overridden);
          if (adminPort !== undefined) set(section, 'port', adminPort, 'server.admin.port', overridden);
        }
      }
    }
  }

  const models = tree['models'];
  if (!isRecord(models)) return { problems, overridden };
  const keysByEnvName = new Map<string, string[]>();
  for (const key of Object.keys(models)) {
    const name = modelEnvName(key);
    keysByEnvName.set(name, [...(keysByEnvName.get(name) ?? []), key]);
  }
  for (const [key, model] of Object.entries(models)) {
    if (!isRecord(model)) continue;
    const name = modelEnvName(key);
    const sharing = keysByEnvName.get(name) ?? [];
    for (const [suffix, field] of [['API_KEY', 'api_key'], ['ENDPOINT', 'endpoint']] as const) {
      const variable = `LLM_ROUTER_MODEL_${name}_${suffix}`;
      const value = nonEmpty(env[variable]);
      if (value === undefined) continue;
      const path = `models.${key}.${field}`;
      if (sharing.length > 1) {
        problems.push({ path, message: `${variable} is ambiguous: models ${sharing.join(', ')} all map to ${name}` });
      } else {
        set(model, field, value, path, overridden);
      }
    }
  }
  return { problems, overridden };
}

function set(target: Record<string, unknown>, key: string, value: unknown, path: string, overridden: Set<string>): void {
  target[key] = value;
  overridden.add(path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function checkCliPort(port: number, problems: ConfigProblem[]): number | undefined {
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  problems.push({ path: 'server.port', message: `port override must be ${PORT_RANGE} (got ${port})` });
  return undefined;
}

function envPort(env: Record<string, string | undefined>, problems: ConfigProblem[], variable: string, path: string): number | undefined {
  const text = nonEmpty(env[variable]);
  if (text === undefined) return undefined;
  const port = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (port >= 0 && port <= 65535) return port;
  problems.push({ path, message: `${variable} must be ${PORT_RANGE} (got "${text}")` });
  return undefined;
}

function envLogLevel(env: Record<string, string | undefined>, problems: ConfigProblem[]): LogLevel | undefined {
  const text = nonEmpty(env['LLM_ROUTER_SERVER_LOG_LEVEL']);
  if (text === undefined) return undefined;
  const level = LOG_LEVELS.find((name) => name === text);
  if (level !== undefined) return level;
  problems.push({ path: 'server.log_level', message: `LLM_ROUTER_SERVER_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${text}")` });
  return undefined;
}

function envNumber(env: Record<string, string | undefined>, key: string, problems: ConfigProblem[]): number | undefined {
  const variable = `LLM_ROUTER_SERVER_${key.toUpperCase()}`;
  const text = nonEmpty(env[variable]);
  if (text === undefined) return undefined;
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isFinite(value)) return value;
  problems.push({ path: `server.${key}`, message: `${variable} must be a number (got "${text}")` });
  return undefined;
}
