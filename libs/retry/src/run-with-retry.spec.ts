import { describe, expect, it } from '@jest/globals';
import { type HeaderMap, RouterError } from '@llm-router/core';
import type { RetryClock } from './retry-clock.js';
import { attemptsOf } from './retry-attempts.js';
import type { RetryPolicy } from './retry-policy.js';
import { type RetryInfo, runWithRetry } from './run-with-retry.js';

interface FakeResponse {
  status: number;
  headers: HeaderMap;
  id: number;
}

const NOW = Date.parse('2026-11-24T00:00:00Z');

const policy: RetryPolicy = { maxRetries: 3, retryStatusCodes: [429, 502, 503, 529], backoffFactor: 2, initialDelayMs: 100, maxDelayMs: 1000 };

/** Records every sleep and resolves it at once, unless `hang` is set: then sleeps never resolve on their own. */
function fakeClock(options: { random?: number; hang?: boolean } = {}) {
  const sleeps: number[] = [];
  const clock: RetryClock = {
    sleep: (ms) => {
      sleeps.push(ms);
      return options.hang ? new Promise<void>(() => undefined) : Promise.resolve();
    },
    random: () => options.random ?? 0.5,
    now: () => NOW,
  };
  return { clock, sleeps };
}

/** A send that answers with the given statuses (or throws the given errors) in turn, repeating the last. */
function scripted(...steps: Array<number | Error | { status: number; headers: HeaderMap }>) {
  const attempts: number[] = [];
  const send = async (attempt: number): Promise<FakeResponse> => {
    attempts.push(attempt);
    const step = steps[Math.min(attempts.length, steps.length) - 1];
    if (step instanceof Error) throw step;
    if (typeof step === 'number') return { status: step, headers: {}, id: attempts.length };
    return { ...step, id: attempts.length };
  };
  return { send, attempts };
}

const networkError = () => new RouterError('bad_gateway', 'connect ECONNREFUSED', { retryable: true, provider: 'openai' });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('runWithRetry', () => {
  it('returns the first response when it is not retryable, without sleeping', async () => {
    const { clock, sleeps } = fakeClock();
    const { send, attempts } = scripted(200);
    const result = await runWithRetry(send, { policy, clock });
    expect(result).toEqual({ response: { status: 200, headers: {}, id: 1 }, attempts: 1 });
    expect(attempts).toEqual([1]);
    expect(sleeps).toEqual([]);
  });

  it('retries configured statuses only', async () => {
    const { clock } = fakeClock();
    const retried = scripted(503, 429, 200);
    expect(await runWithRetry(retried.send, { policy, clock })).toMatchObject({ response: { status: 200, id: 3 }, attempts: 3 });
    for (const status of [400, 401, 404, 500]) {
      const notRetried = scripted(status, 200);
      expect(await runWithRetry(notRetried.send, { policy, clock })).toMatchObject({ response: { status }, attempts: 1 });
    }
  });

  it('sends maxRetries + 1 times and returns the last retryable response, passing the attempt number', async () => {
    const { clock, sleeps } = fakeClock();
    const { send, attempts } = scripted(503);
    const result = await runWithRetry(send, { policy, clock });
    expect(result).toEqual({ response: { status: 503, headers: {}, id: 4 }, attempts: 4 });
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(sleeps).toHaveLength(3);
  });

  it('sends once with maxRetries 0, returning a retryable status and rethrowing a retryable error', async () => {
    const { clock, sleeps } = fakeClock();
    const zero = { ...policy, maxRetries: 0 };
    expect(await runWithRetry(scripted(503).send, { policy: zero, clock })).toMatchObject({ response: { status: 503 }, attempts: 1 });
    const error = networkError();
    expect(await rejectionOf(runWithRetry(scripted(error).send, { policy: zero, clock }))).toBe(error);
    expect(attemptsOf(error)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('backs off exponentially with factor 2 and caps at maxDelayMs', async () => {
    const { clock, sleeps } = fakeClock({ random: 0.5 });
    await runWithRetry(scripted(503).send, { policy: { ...policy, maxRetries: 6, initialDelayMs: 100, maxDelayMs: 500 }, clock });
    // bases 100, 200, 400, 500, 500, 500; jitter at random 0.5 adds 10%, capped at maxDelayMs
    expect(sleeps).toEqual([110, 220, 440, 500, 500, 500]);
  });

  it('honours Retry-After, capped at maxDelayMs, preferring retry-after-ms', async () => {
    const { clock, sleeps } = fakeClock();
    const { send } = scripted(
      { status: 429, headers: { 'retry-after': '0.5' } },
      { status: 503, headers: { 'retry-after-ms': '250', 'retry-after': '9' } },
      { status: 429, headers: { 'retry-after': '60' } },
      200,
    );
    await runWithRetry(send, { policy, clock });
    expect(sleeps).toEqual([500, 250, 1000]);
  });

  it('never lets a Retry-After shorter than the backoff shorten the wait', async () => {
    const { clock, sleeps } = fakeClock({ random: 0 });
    const { send } = scripted({ status: 429, headers: { 'retry-after-ms': '10' } }, { status: 429, headers: { 'retry-after-ms': '150' } }, 200);
    await runWithRetry(send, { policy, clock });
    // backoffs 100 then 200: a 10 ms hint loses to the first, a 150 ms hint to the second
    expect(sleeps).toEqual([100, 200]);
  });

  it('reads an HTTP-date Retry-After against the clock', async () => {
    const { clock, sleeps } = fakeClock();
    const { send } = scripted({ status: 503, headers: { 'retry-after': new Date(NOW + 800).toUTCString() } }, 200);
    await runWithRetry(send, { policy, clock });
    // toUTCString has whole seconds: NOW is on a second boundary, so +800 ms truncates to +0, and the
    // backoff (110 ms) is longer, so it wins.
    expect(sleeps).toEqual([110]);
    const later = fakeClock();
    await runWithRetry(scripted({ status: 503, headers: { 'retry-after': new Date(NOW + 3000).toUTCString() } }, 200).send, { policy, clock: later.clock });
    expect(later.sleeps).toEqual([1000]);
  });

  it('retries a retryable RouterError, honouring and capping its retryAfterMs', async () => {
    const { clock, sleeps } = fakeClock();
    const limited = new RouterError('rate_limit', 'slow down', { retryable: true, retryAfterMs: 300 });
    const longWait = new RouterError('overloaded', 'overloaded', { retryable: true, retryAfterMs: 90_000 });
    const { send, attempts } = scripted(networkError(), limited, longWait, 200);
    const result = await runWithRetry(send, { policy, clock });
    expect(result).toMatchObject({ response: { status: 200 }, attempts: 4 });
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(sleeps).toEqual([110, 300, 1000]);
  });

  it('rethrows the last retryable error once retries are exhausted, with the attempt count readable', async () => {
    const { clock } = fakeClock();
    const last = networkError();
    const { send, attempts } = scripted(networkError(), networkError(), networkError(), last);
    const error = await rejectionOf(runWithRetry(send, { policy, clock }));
    expect(error).toBe(last);
    expect(error).toBeInstanceOf(RouterError);
    expect(attempts).toHaveLength(4);
    expect(attemptsOf(error)).toBe(4);
  });

  it('rethrows non-retryable RouterErrors and other errors at once', async () => {
    const { clock, sleeps } = fakeClock();
    const refused = new RouterError('authentication', 'bad key', { retryable: false, status: 401 });
    const bug = new TypeError('undefined is not a function');
    for (const thrown of [refused, bug]) {
      const { send, attempts } = scripted(thrown, 200);
      expect(await rejectionOf(runWithRetry(send, { policy, clock }))).toBe(thrown);
      expect(attempts).toEqual([1]);
      expect(attemptsOf(thrown)).toBe(1);
    }
    expect(sleeps).toEqual([]);
    expect(attemptsOf(new Error('never seen'))).toBeUndefined();
    expect(attemptsOf('a string')).toBeUndefined();
  });

  it('discards each retried response before waiting, never the returned one, and reports every retry', async () => {
    const events: string[] = [];
    const clock: RetryClock = {
      sleep: async (ms) => void events.push(`sleep ${ms}`),
      random: () => 0.5,
      now: () => NOW,
    };
    const { send } = scripted(503, networkError(), 502, 200);
    const infos: RetryInfo[] = [];
    const result = await runWithRetry(send, {
      policy,
      clock,
      discard: (response) => void events.push(`discard ${response.id}`),
      onRetry: (info) => {
        infos.push(info);
        events.push(`retry ${info.attempt}`);
      },
    });
    expect(result.attempts).toBe(4);
    expect(events).toEqual(['discard 1', 'retry 1', 'sleep 110', 'retry 2', 'sleep 220', 'discard 3', 'retry 3', 'sleep 440']);
    expect(infos.map(({ attempt, delayMs, status }) => ({ attempt, delayMs, status }))).toEqual([
      { attempt: 1, delayMs: 110, status: 503 },
      { attempt: 2, delayMs: 220, status: undefined },
      { attempt: 3, delayMs: 440, status: 502 },
    ]);
    expect(infos[1]?.error).toBeInstanceOf(RouterError);
  });

  it('rejects with the abort reason as soon as the signal aborts during a wait, even if the clock ignores it', async () => {
    const { clock, sleeps } = fakeClock({ hang: true });
    const { send, attempts } = scripted(503);
    const discarded: number[] = [];
    const controller = new AbortController();
    const running = runWithRetry(send, { policy, clock, signal: controller.signal, discard: (response) => void discarded.push(response.id) });
    while (sleeps.length === 0) await Promise.resolve();
    const reason = new Error('client disconnected');
    controller.abort(reason);
    expect(await rejectionOf(running)).toBe(reason);
    expect(attempts).toEqual([1]);
    expect(discarded).toEqual([1]);
    expect(attemptsOf(reason)).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { clock } = fakeClock();
    const { send, attempts } = scripted(200);
    const controller = new AbortController();
    const reason = new Error('gone');
    controller.abort(reason);
    expect(await rejectionOf(runWithRetry(send, { policy, clock, signal: controller.signal }))).toBe(reason);
    expect(attempts).toEqual([]);
    expect(attemptsOf(reason)).toBe(0);
  });

  it('stops before the next send when the signal aborts while a send is in flight', async () => {
    const { clock } = fakeClock();
    const controller = new AbortController();
    const reason = new Error('gone');
    const attempts: number[] = [];
    const send = async (attempt: number): Promise<FakeResponse> => {
      attempts.push(attempt);
      controller.abort(reason);
      return { status: 503, headers: {}, id: attempt };
    };
    expect(await rejectionOf(runWithRetry(send, { policy, clock, signal: controller.signal }))).toBe(reason);
    expect(attempts).toEqual([1]);
  });

  it('still returns a final response that arrives after an abort', async () => {
    const { clock } = fakeClock();
    const controller = new AbortController();
    const send = async (): Promise<FakeResponse> => {
      controller.abort(new Error('gone'));
      return { status: 200, headers: {}, id: 1 };
    };
    expect(await runWithRetry(send, { policy, clock, signal: controller.signal })).toMatchObject({ response: { status: 200 }, attempts: 1 });
  });

  it('removes its abort listener after each wait', async () => {
    const { clock } = fakeClock();
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      added += 1;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
      removed += 1;
      remove(...args);
    };
    await runWithRetry(scripted(503, 503, 200).send, { policy, clock, signal });
    expect(added).toBe(2);
    expect(removed).toBe(2);
  });
});
