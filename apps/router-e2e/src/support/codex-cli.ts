import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The installed Codex CLI's launcher (`@openai/codex`, a Node script that runs the platform binary). */
const CODEX_BIN = join(dirname(createRequire(import.meta.url).resolve('@openai/codex/package.json')), 'bin', 'codex.js');

export interface CodexRun {
  code: number | null;
  /** What `codex exec` printed on stdout: the final answer. */
  stdout: string;
  /** Its progress log (the commands it ran, their output, warnings). */
  stderr: string;
}

export interface CodexOptions {
  /** The router's base URL (no `/v1`). */
  routerUrl: string;
  /** The router model Codex asks for. */
  model: string;
  prompt: string;
  /** The key Codex sends as `Authorization: Bearer` (its `env_key`). */
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Runs `codex exec` headless, as a user with the router as a custom model provider would: a throwaway
 * `CODEX_HOME` whose config.toml declares `[model_providers.router]` with `wire_api = "responses"`, a throwaway
 * HOME and working directory, the workspace-write sandbox (commands run, in the working directory). Codex
 * resolves when it exits (or is killed at the timeout: `code` null).
 */
export async function runCodex(options: CodexOptions): Promise<CodexRun> {
  const root = mkdtempSync(join(tmpdir(), 'llm-router-e2e-codex-'));
  const codexHome = join(root, 'codex-home');
  const workDir = join(root, 'work');
  for (const dir of [codexHome, workDir]) mkdirSync(dir);
  writeFileSync(
    join(codexHome, 'config.toml'),
    [
      `model = ${JSON.stringify(options.model)}`,
      'model_provider = "router"',
      '[model_providers.router]',
      'name = "llm-router"',
      `base_url = ${JSON.stringify(`${options.routerUrl}/v1`)}`,
      'wire_api = "responses"',
      'env_key = "LLM_ROUTER_KEY"',
      '',
    ].join('\n'),
  );
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: root,
    CODEX_HOME: codexHome,
    LLM_ROUTER_KEY: options.apiKey ?? 'sk-codex-client',
    NO_COLOR: '1',
  };
  const child = spawn(process.execPath, [CODEX_BIN, 'exec', '--skip-git-repo-check', '--sandbox', 'workspace-write', options.prompt], {
    cwd: workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  rmSync(root, { recursive: true, force: true });
  return { code, stdout, stderr };
}
