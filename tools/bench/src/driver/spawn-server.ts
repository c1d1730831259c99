import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';

/** A server process the benchmark started; `stop()` ends it by its PID and waits for the exit. */
export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  origin: string;
  stop(): Promise<void>;
}

/** A free loopback port (bound to 0, read, released: the caller binds it right after). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function stopper(child: ChildProcess, name: string): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = setTimeout(() => {
      process.stderr.write(`bench: ${name} did not stop on SIGTERM; killing it\n`);
      child.kill('SIGKILL');
    }, 10_000);
    await exited;
    clearTimeout(timeout);
  };
}

/**
 * Starts a bench helper (mock upstream, reference proxy) that prints `{"port":N}` on its first stdout
 * line, and resolves once it did.
 */
export async function spawnPortPrinter(name: string, script: string, args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  child.removeAllListeners('exit');
  return { name, pid: child.pid!, port, origin: `http://127.0.0.1:${port}`, stop: stopper(child, name) };
}

/**
 * Starts the built router on `port` with `config`, its log (stdout and stderr) going to `logFile` as it
 * would to a container's log, and resolves once /health/ready answers 200. Its admin listener (/metrics)
 * takes a free port, so several routers can run side by side.
 */
export async function spawnRouter(
  name: string,
  entry: string,
  config: string,
  port: number,
  logFile: string,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, entry, '--config', config, '--port', String(port)], { stdio: ['ignore', fd, fd], env: { ...process.env, LLM_ROUTER_SERVER_ADMIN_PORT: '0', ...env } });
  closeSync(fd);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${origin}/health/ready`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 30 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, pid: child.pid!, port, origin, stop: stopper(child, name) };
}
