import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { systemRetryClock } from './retry-clock.js';

describe('systemRetryClock', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T00:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sleeps for the given time', async () => {
    let done = false;
    const sleeping = systemRetryClock.sleep(1000).then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason at once and clears its timer', async () => {
    const controller = new AbortController();
    const sleeping = systemRetryClock.sleep(60_000, controller.signal);
    const reason = new Error('client gone');
    controller.abort(reason);
    await expect(sleeping).rejects.toBe(reason);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort('gone');
    await expect(systemRetryClock.sleep(10, controller.signal)).rejects.toBe('gone');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('clamps delays beyond the timer range instead of firing at once', async () => {
    let done = false;
    void systemRetryClock.sleep(2 ** 40).then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    jest.clearAllTimers();
  });

  it('reads time and randomness from the platform', () => {
    expect(systemRetryClock.now()).toBe(Date.parse('2026-11-24T00:00:00Z'));
    const value = systemRetryClock.random();
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
  });
});
