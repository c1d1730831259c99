import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/**
 * rpm counts in fixed windows aligned to the minute: a spec counting N requests waits out the last 10 s of
 * a minute first, so its requests all fall into one window.
 */
export async function inOneRateWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
}

/** A real redis-server on a free 127.0.0.1 port, without persistence, stopped by its PID. Fails (no fallback) without redis-server. */
export class RedisProcess {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** `port`: listen there (a restart on the port of a stopped instance); default a free one. */
  static async start(port?: number): Promise<RedisProcess> {
    const found = spawnSync('redis-server', ['--version']);
    if (found.error !== undefined || found.status !== 0) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
    port ??= await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'llm-router-e2e-redis-'));
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not listen on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return new RedisProcess(port, child, dir);
  }

  async stop(): Promise<void> {
    if (this.child.pid !== undefined && this.child.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      process.kill(this.child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops this redis-server and starts a fresh, empty one on the same port (clients reconnect by themselves). */
  async restart(): Promise<RedisProcess> {
    await this.stop();
    return RedisProcess.start(this.port);
  }
}

/** Resolves with `promise`'s outcome and the milliseconds it took; a request that hangs fails the test instead. */
export async function timed<T>(promise: Promise<T>, limitMs: number): Promise<{ outcome: T | unknown; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs}ms`)), limitMs);
  });
  try {
    const outcome = await Promise.race([promise.catch((error: unknown) => error), hang]);
    return { outcome, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** The value of one sample of `name` with exactly these labels in a Prometheus text exposition (0 when absent). */
export function metricValue(exposition: string, name: string, labels: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${name}{${labels}} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

function freePort(): Promise<number> {
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An ES256 signing key of a JWKS: the private half signs, the public JWK is what the JWKS publishes. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** A JWKS on 127.0.0.1 (node:http) serving the keys last `publish`ed: rotating is publishing another list. */
export interface JwksServer {
  url: string;
  /** How many times the JWKS was fetched. */
  readonly fetches: number;
  newKey(kid: string): Promise<SigningKey>;
  publish(keys: SigningKey[]): void;
  sign(key: SigningKey, claims: JWTPayload, options: { issuer: string; audience: string; expiresAt: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startJwksServer(): Promise<JwksServer> {
  let published: SigningKey[] = [];
  let fetches = 0;
  const server = createHttpServer((_request, response) => {
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetches() {
      return fetches;
    },
    async newKey(kid) {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
    },
    publish(keys) {
      published = keys;
    },
    sign(key, claims, options) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(Math.min(options.expiresAt - 60, Math.floor(Date.now() / 1000)))
        .setExpirationTime(options.expiresAt)
        .sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
