import { Redis } from 'ioredis';
import { EXTEND_LUA, RESERVE_LUA, SETTLE_LUA } from './redis-scripts.js';
import type { ExtendOperation, ReserveOperation, ReserveResult, SettleOperation, StateStore } from './state-store.js';

export interface RedisStateStoreOptions {
  /** ioredis URL: `redis://[:password@]host:port/db`, `rediss://` for TLS. */
  url: string;
  /** A command not answered within this rejects (the limiter then applies `on_error`). */
  timeoutMs: number;
  /**
   * Prepended to every key. The `{access}` hash tag puts all of the lib's keys in one Redis Cluster slot, which a
   * multi-key script needs; on a single Redis or Sentinel it is just part of the name.
   */
  prefix?: string;
  /** Connection errors (refused, reset, auth), for the app's log; ioredis keeps reconnecting meanwhile. */
  onConnectionError?: (error: Error) => void;
}

export const DEFAULT_REDIS_PREFIX = 'llm-router:{access}:';

interface AccessCommands {
  accessReserve(numberOfKeys: number, ...args: string[]): Promise<unknown>;
  accessSettle(numberOfKeys: number, ...args: string[]): Promise<unknown>;
  accessExtend(numberOfKeys: number, ...args: string[]): Promise<unknown>;
}

/**
 * The state store shared by every replica. Each operation is one Lua script (`defineCommand`: EVALSHA, with
 * EVAL on NOSCRIPT), so one round trip and atomic. A Redis that is down or slow never hangs a request: there is
 * no offline queue (a command while disconnected rejects at once), no resend of commands after a reconnect
 * (`maxRetriesPerRequest: 0`), and every command rejects after `timeoutMs`. ioredis reconnects on its own
 * (every 100 ms up to 1 s apart), so recovery needs nothing from the caller. A command that timed out may
 * still run in Redis: its reservations then lapse after their TTL.
 */
export class RedisStateStore implements StateStore {
  private readonly redis: Redis & AccessCommands;
  private readonly prefix: string;

  constructor(options: RedisStateStoreOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    const redis = new Redis(options.url, {
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs * 10, 1000),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    });
    redis.on('error', (error: Error) => options.onConnectionError?.(error));
    redis.defineCommand('accessReserve', { lua: RESERVE_LUA });
    redis.defineCommand('accessSettle', { lua: SETTLE_LUA });
    redis.defineCommand('accessExtend', { lua: EXTEND_LUA });
    // defineCommand adds these methods at run time; ioredis's types cannot know them.
    this.redis = redis as Redis & AccessCommands;
  }

  /** Resolves once connected (for boot and tests); requests before that fail per `on_error`. */
  ready(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.redis.once('ready', () => resolve()));
  }

  async reserve(operation: ReserveOperation): Promise<ReserveResult> {
    const keys: string[] = [];
    const args: string[] = [String(operation.now), operation.reservationId, String(operation.expiresAt)];
    for (const charge of operation.charges) {
      keys.push(this.prefix + charge.key, `${this.prefix}${charge.key}:x`);
      args.push(String(charge.limit), String(charge.amount), charge.mode, String(charge.ttlMs));
    }
    const reply = await this.redis.accessReserve(keys.length, ...keys, ...args);
    if (!Array.isArray(reply) || !reply.every((item) => typeof item === 'number')) throw new Error('unexpected reply from the reserve script');
    const [admitted, ...totals] = reply as number[];
    return { admitted: admitted === 1, totals };
  }

  async settle(operation: SettleOperation): Promise<void> {
    const keys: string[] = [];
    const args: string[] = [operation.reservationId];
    for (const entry of operation.entries) {
      keys.push(this.prefix + entry.key, `${this.prefix}${entry.key}:x`);
      args.push(String(entry.amount), String(entry.ttlMs));
    }
    await this.redis.accessSettle(keys.length, ...keys, ...args);
  }

  async extend(operation: ExtendOperation): Promise<void> {
    const keys = operation.keys.flatMap((key) => [this.prefix + key, `${this.prefix}${key}:x`]);
    const ttl = String(Math.max(operation.expiresAt - operation.now, 1));
    await this.redis.accessExtend(keys.length, ...keys, String(operation.now), operation.reservationId, String(operation.expiresAt), ttl);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
