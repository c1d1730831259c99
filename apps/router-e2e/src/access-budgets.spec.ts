import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Token budgets under concurrent streams through the built router: admission reserves each request's
// estimate (prompt length / 4 + max_tokens) and needs it to fit what is left, so concurrent streams never
// together pass the budget; a stream's end charges its real usage (the fixture's 27 + 23 tokens); a client
// that leaves mid-stream before any usage is known releases its reservation, leaking nothing.

const KEYS = { concurrent: 'sk-router-concurrent-0123456789', leaver: 'sk-router-leaver-0123456789' };
const MAX_TOKENS = 100;
/**
 * The exact body sent, so the router's estimate is known: ceil(content-length / 4) + max_tokens. It does not
 * ask for `include_usage` (most clients don't): the router asks the upstream itself, so the stream is still
 * charged its real usage rather than released uncharged.
 */
const BODY = JSON.stringify({ model: 'gpt', max_tokens: MAX_TOKENS, stream: true, messages: [{ role: 'user', content: 'hi' }] });
const ESTIMATE = Math.ceil(Buffer.byteLength(BODY) / 4) + MAX_TOKENS;
/** input + output tokens of libs/testing's openai-chat/basic.stream.sse, below ESTIMATE (an honest max_tokens). */
const STREAM_USAGE = 27 + 23;
/** Room for 3 estimates, not 4. */
const CONCURRENT_BUDGET = 3 * ESTIMATE + Math.floor(ESTIMATE / 2);
/** Room for 2 estimates, not 3. */
const LEAVER_BUDGET = 2 * ESTIMATE + Math.floor(ESTIMATE / 2);

describe('token budgets under concurrent streams', () => {
  let mock: MockUpstream;
  let router: RunningRouter;
  const stream = (apiKey: string, signal?: AbortSignal) =>
    fetch(`${router.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: BODY, ...(signal && { signal }) });

  beforeAll(async () => {
    mock = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: { gpt: { provider: 'openai', endpoint: `${mock.origin}/v1` } },
        auth: {
          keys: [
            { name: 'concurrent', key: KEYS.concurrent, budget: { tokens: CONCURRENT_BUDGET, period: '1d' } },
            { name: 'leaver', key: KEYS.leaver, budget: { tokens: LEAVER_BUDGET, period: '1d' } },
          ],
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await mock?.close();
  });

  it('admits exactly the estimates that fit among concurrent streams, refuses the rest in the OpenAI format, then charges real usage', async () => {
    mock.reset();
    // Every admitted stream is held open (a frame every 100 ms) while the others are admitted.
    mock.enqueue(...Array.from({ length: 6 }, () => ({ chunkDelayMs: 100 })));
    const answers = await Promise.all(Array.from({ length: 6 }, () => stream(KEYS.concurrent)));
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    const admitted = answers.filter((answer) => answer.status === 200);
    const refused = answers.flatMap((answer, i) => (answer.status === 200 ? [] : [{ answer, body: bodies[i] ?? '' }]));
    expect(admitted.length).toBe(Math.floor(CONCURRENT_BUDGET / ESTIMATE));
    expect(admitted.length * ESTIMATE).toBeLessThanOrEqual(CONCURRENT_BUDGET);
    expect(mock.requests.length).toBe(admitted.length);
    for (const { answer, body } of refused) {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('x-should-retry')).toBe('false');
      expect(JSON.parse(body)).toMatchObject({ error: { type: 'insufficient_quota', code: 'insufficient_quota' } });
    }
    for (const [i, answer] of answers.entries()) if (answer.status === 200) expect(bodies[i]).toContain('data: [DONE]');

    // Settled to the real usage: what is left is the budget minus 3 x 50, room for exactly that many estimates.
    const left = CONCURRENT_BUDGET - admitted.length * STREAM_USAGE;
    mock.reset();
    mock.enqueue(...Array.from({ length: 6 }, () => ({ chunkDelayMs: 100 })));
    const next = await Promise.all(Array.from({ length: 6 }, () => stream(KEYS.concurrent)));
    await Promise.all(next.map((answer) => answer.text()));
    expect(next.filter((answer) => answer.status === 200).length).toBe(Math.floor(left / ESTIMATE));
    // Through the SDK as well: over budget is a RateLimitError the SDK must not retry.
    const sdkRefused = await new OpenAI({ apiKey: KEYS.concurrent, baseURL: `${router.url}/v1`, maxRetries: 0 }).chat.completions
      .create({ model: 'gpt', max_tokens: 10_000, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(sdkRefused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(sdkRefused).toMatchObject({ status: 429, code: 'insufficient_quota' });
  }, 30_000);

  it('releases the reservation of a client that disconnects mid-stream: the next requests are admitted as the whole budget says', async () => {
    mock.reset();
    const leaving = new AbortController();
    mock.enqueue({ stallAfterFrames: 1 });
    const first = await stream(KEYS.leaver, leaving.signal);
    expect(first.status).toBe(200);
    const reader = first.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    leaving.abort();
    await mock.waitForClientAbort();
    await router.waitForLog((l) => l['msg'] === 'request' && l['caller'] === 'leaver');

    // Nothing was charged: two estimates fit at once again (a leaked reservation would leave room for one).
    const holding = [new AbortController(), new AbortController()];
    mock.enqueue({ stallAfterFrames: 1 }, { stallAfterFrames: 1 });
    const held = await Promise.all(holding.map((controller) => stream(KEYS.leaver, controller.signal)));
    expect(held.map((answer) => answer.status)).toEqual([200, 200]);
    // While those two hold their reservations, a third does not fit.
    const third = await stream(KEYS.leaver);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error: { code: 'insufficient_quota' } });
    for (const controller of holding) controller.abort();
    await mock.waitForClientAbort();
    await mock.waitForClientAbort();
    await router.waitForLog(() => router.logs().filter((l) => l['msg'] === 'request' && l['caller'] === 'leaver' && l['status'] === 200).length >= 3);

    // Both released in turn: a full stream is admitted and charged its real usage.
    const whole = await stream(KEYS.leaver);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toContain('data: [DONE]');
    expect(mock.requests.length).toBe(4);
  }, 30_000);
});
