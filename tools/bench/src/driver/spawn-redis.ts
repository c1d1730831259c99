import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, type ServerProcess } from './spawn-server.js';

/**
 * A throwaway redis-server on a free 127.0.0.1 port (no persistence), stopped by its PID; undefined when
 * `redis-server` is not installed (the bench then reports the Redis figures as not measured).
 */
export async function spawnRedis(): Promise<ServerProcess | undefined> {
  const found = spawnSync('redis-server', ['--version']);
  if (found.error !== undefined || found.status !== 0) return undefined;
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-router-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not listen on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { name: 'redis', pid: child.pid!, port, origin: `redis://127.0.0.1:${port}/0`, stop };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}
