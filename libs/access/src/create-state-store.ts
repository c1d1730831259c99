import type { StateSettings } from './access-settings.js';
import { MemoryStateStore } from './memory-state-store.js';
import { RedisStateStore } from './redis-state-store.js';
import type { StateStore } from './state-store.js';

export interface CreateStateStoreOptions {
  /** Redis connection errors, for the app's log (ioredis keeps reconnecting). */
  onConnectionError?: (error: Error) => void;
}

/** The store `state.store` names. A `redis` store connects at once; it does not wait for the connection. */
export function createStateStore(settings: StateSettings, options: CreateStateStoreOptions = {}): StateStore {
  switch (settings.store) {
    case 'memory':
      return new MemoryStateStore({ maxKeys: settings.memoryMaxKeys });
    case 'redis':
      if (settings.url === undefined) throw new Error('state.url is required for state.store: redis');
      return new RedisStateStore({ url: settings.url, timeoutMs: settings.timeoutMs, ...(options.onConnectionError !== undefined && { onConnectionError: options.onConnectionError }) });
  }
}
