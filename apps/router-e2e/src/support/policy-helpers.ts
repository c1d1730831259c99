/**
 * Helpers shared by the policy e2e specs (retries, header rules, transformations, timeouts/TLS,
 * logging/masking, config/CLI). Black-box only: they talk to the built router over HTTP or spawn it.
 */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { ROUTER_MAIN, ROUTER_TEST_ENV, type RunningRouter } from './start-router.js';

export function openaiClient(router: { url: string }, apiKey = 'sk-client-openai-0000000000'): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${router.url}/v1`, maxRetries: 0, timeout: 20_000 });
}

export function anthropicClient(router: { url: string }, apiKey = 'sk-ant-client-0000000000'): Anthropic {
  return new Anthropic({ apiKey, baseURL: router.url, maxRetries: 0, timeout: 20_000 });
}

/** A unique, sane request id: the router logs it as `reqId` (and echoes it as `x-request-id`). */
let reqCounter = 0;
export function newReqId(prefix: string): string {
  reqCounter += 1;
  return `${prefix}-${process.pid}-${reqCounter}-${Date.now()}`;
}

/** The `msg: "request"` lines the router wrote for one request id. */
export function requestLinesFor(router: RunningRouter, reqId: string): Array<Record<string, unknown>> {
  return router.logs().filter((l) => l['msg'] === 'request' && l['reqId'] === reqId);
}

/** Waits for the request line of `reqId` (written when the response closes). */
export function waitForRequestLine(router: RunningRouter, reqId: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  return pollLog(router, (l) => l['msg'] === 'request' && l['reqId'] === reqId, timeoutMs);
}

/**
 * Like `router.waitForLog`, but polls `router.logs()` (no listener per call on the child process, so
 * many waits in one file do not pile up 'exit' listeners).
 */
export async function pollLog(
  router: RunningRouter,
  predicate: (line: Record<string, unknown>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = router.logs().find(predicate);
    if (found) return found;
    if (router.process.exitCode !== null) throw new Error(`router exited with ${router.process.exitCode}:\n${router.lines.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs}ms:\n${router.lines.slice(-20).join('\n')}`);
    await sleep(20);
  }
}

export function retryLinesFor(router: RunningRouter, reqId: string): Array<Record<string, unknown>> {
  return router.logs().filter((l) => l['msg'] === 'upstream attempt failed; retrying' && l['reqId'] === reqId);
}

/** The masked form the logging lib documents: first 8 characters, `...`, last 4. */
export function maskedForm(secret: string): string {
  return `${secret.slice(0, 8)}...${secret.slice(-4)}`;
}

/** Resolves with whatever `promise` rejected with (fails if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A TCP port that was free a moment ago (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A plain node:http request, so hop-by-hop headers (Connection, Keep-Alive, TE…) can be sent as written. */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'POST',
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...options.headers,
        },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface SpawnedRouter {
  url: string;
  port: number;
  lines: string[];
  process: ChildProcess;
  stop(): Promise<number | null>;
}

/**
 * Spawns the built router with exactly `args` (no implicit `--port 0`, unlike startRouter), so env and
 * file port settings can be observed. Resolves once it logs that it listens; rejects with its output if
 * it exits or takes longer than 20 s.
 */
export function spawnRouterWithArgs(args: string[], env: Record<string, string> = {}): Promise<SpawnedRouter> {
  const child = spawn(process.execPath, [ROUTER_MAIN, ...args], { env: { ...process.env, ...ROUTER_TEST_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  return new Promise<SpawnedRouter>((resolve, reject) => {
    const deadline = setTimeout(() => {
      void stop();
      reject(new Error(`router did not start within 20s:\n${lines.join('\n')}`));
    }, 20_000);
    const onText = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter((l) => l.trim() !== '')) {
        lines.push(line);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (parsed['msg'] === 'llm-router listening') {
            clearTimeout(deadline);
            const url = String(parsed['url']);
            resolve({ url, port: Number(new URL(url).port), lines, process: child, stop });
          }
        } catch {
          // not JSON
        }
      }
    };
    child.stdout.on('data', onText);
    child.stderr.on('data', onText);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`router exited with ${code}:\n${lines.join('\n')}`));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
