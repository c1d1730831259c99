import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** The built router, as users run it: `node dist/apps/router/main.js`. `nx test router-e2e` builds it first. */
export const ROUTER_MAIN = fileURLToPath(new URL('../../../../dist/apps/router/main.js', import.meta.url));

export interface RunningRouter {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The admin listener's base URL (`GET /metrics`, `/health/live`), e.g. http://127.0.0.1:41235 */
  adminUrl: string;
  process: ChildProcess;
  /** Everything the router printed so far (stdout and stderr), one entry per line. */
  readonly lines: string[];
  /** The JSON log lines parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Waits until a log line matching `predicate` appears. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  args?: string[];
  /** Path of a config file; `config` writes one from an object instead. */
  configPath?: string;
  config?: unknown;
}

/** Writes `config` as YAML to a fresh temp file and returns its path. */
export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-router-e2e-'));
  const path = join(dir, 'config.yaml');
  writeFileSync(path, typeof config === 'string' ? config : stringify(config));
  return path;
}

/**
 * Env for every router the tests spawn: the admin listener on a free port (LLM_ROUTER_SERVER_ADMIN_PORT=0),
 * since routers run in parallel and the default 9464 would collide. A test's own env may override it.
 */
export const ROUTER_TEST_ENV: Readonly<Record<string, string>> = { LLM_ROUTER_SERVER_ADMIN_PORT: '0' };

/** A plain process run of the router CLI to completion (for --help and config errors). */
export function runRouterCli(args: string[], env: Record<string, string> = {}, timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ROUTER_MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`router CLI did not exit within ${timeoutMs}ms: ${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Starts the built router on 127.0.0.1 with a free port (and its admin listener on another) and resolves once
 * it logs that it listens.
 * Rejects (with everything it printed) if it exits or takes longer than 20s.
 */
export function startRouter(options: StartOptions = {}): Promise<RunningRouter> {
  const configPath = options.configPath ?? writeConfig(options.config ?? { models: { echo: { provider: 'echo' } } });
  const child = spawn(process.execPath, [ROUTER_MAIN, '--config', configPath, '--host', '127.0.0.1', '--port', '0', ...(options.args ?? [])], {
    env: { ...process.env, ...ROUTER_TEST_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  const onText = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter((l) => l.trim() !== ''));
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout?.on('data', onText);
  child.stderr?.on('data', onText);

  const parsed = (): Array<Record<string, unknown>> =>
    lines.flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });

  const waitForLog = (predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 10_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs}ms:\n${lines.join('\n')}`)), timeoutMs);
      const check = () => {
        const found = parsed().find(predicate);
        if (found) {
          clearTimeout(deadline);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearTimeout(deadline);
          reject(new Error(`router exited with ${child.exitCode}:\n${lines.join('\n')}`));
        } else {
          waiters.push(check);
        }
      };
      child.once('exit', () => check());
      check();
    });

  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        resolve(code);
      });
      child.kill(signal);
    });

  return waitForLog((line) => line['msg'] === 'llm-router listening', 20_000).then(
    (line) => ({ url: String(line['url']), adminUrl: String(line['adminUrl']), process: child, lines, logs: parsed, waitForLog, stop }),
    async (error: unknown) => {
      await stop('SIGKILL');
      throw error;
    },
  );
}
