import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The libs the app is built from: their dist folders are watched too, so a rebuilt lib restarts the app. */
const WORKSPACE_LIBS = ['core', 'config', 'http', 'regex', 'header-rules', 'transforms', 'retry', 'logging', 'openai', 'anthropic', 'ollama', 'echo'];

/** The built code to watch: the app's folder and each lib's dist folder. */
export function builtCodeDirs(mainFile: string): string[] {
  const libs = WORKSPACE_LIBS.flatMap((name) => {
    try {
      return [dirname(fileURLToPath(import.meta.resolve(`@llm-router/${name}`)))];
    } catch {
      return [];
    }
  });
  return [dirname(mainFile), ...libs];
}

/**
 * `--reload`: runs the router in a child process under Node's own watcher (`--watch-path`), which
 * restarts it when the built code changes (`nx serve` rebuilds the code with `tsc -b --watch`). The
 * child reloads the config file itself when it changes (`--watch-config`), without dropping requests.
 * The child gets the same flags otherwise; signals are forwarded and the child's exit code becomes ours.
 */
export function superviseWithReload(mainFile: string, argv: readonly string[]): void {
  const childArgs = [...argv.filter((arg) => arg !== '--reload'), '--watch-config'];
  const watched = builtCodeDirs(mainFile).flatMap((path) => ['--watch-path', path]);
  const child = spawn(process.execPath, [...watched, '--watch-preserve-output', mainFile, ...childArgs], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
