import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * `--reload`: runs the router in a child process under Node's own watcher (`--watch-path`), which
 * restarts it when the config file or the built code changes. The child gets the same flags minus
 * `--reload`; signals are forwarded and the child's exit code becomes ours.
 */
export function superviseWithReload(mainFile: string, argv: readonly string[], configPath: string): void {
  const childArgs = argv.filter((arg) => arg !== '--reload');
  const child = spawn(
    process.execPath,
    ['--watch-path', configPath, '--watch-path', dirname(mainFile), '--watch-preserve-output', mainFile, ...childArgs],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
