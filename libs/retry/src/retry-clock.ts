/** Time as runWithRetry sees it; inject a fake one in tests (RETRY_CLOCK for Nest). */
export interface RetryClock {
  /** Resolves after `ms`; should reject with `signal.reason` as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), like Math.random; drives the backoff jitter. */
  random(): number;
  /** Epoch ms, like Date.now; used to read an HTTP-date Retry-After. */
  now(): number;
}

// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days); clamp rather than spin.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Real timers, Math.random and Date.now. */
export const systemRetryClock: RetryClock = {
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(Math.max(ms, 0), MAX_TIMER_MS),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  random: () => Math.random(),
  now: () => Date.now(),
};
