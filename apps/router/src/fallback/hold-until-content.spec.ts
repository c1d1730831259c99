import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { codecFor } from '../routing/client-codecs.js';
import { passthroughTranslator } from '../routing/passthrough-translator.js';
import { AttemptFailure } from './attempt-failure.js';
import { holdUntilContent } from './hold-until-content.js';

const codec = codecFor('openai-chat');
const chunk = (delta: unknown, finish: string | null = null) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'up', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const ROLE = chunk({ role: 'assistant', content: '' });
const ERROR = 'data: {"error":{"message":"boom","type":"server_error"}}\n\n';

function hold(upstream: PassThrough, options: { firstTokenTimeoutMs?: number; signal?: AbortSignal } = {}) {
  return holdUntilContent(upstream, passthroughTranslator(codec, 'gpt'), { format: 'openai-chat', signal: options.signal ?? new AbortController().signal, ...options });
}

describe('holdUntilContent', () => {
  it('holds the role chunk back and hands it over with the first content, leaving the upstream paused', async () => {
    const upstream = new PassThrough();
    const held = hold(upstream);
    upstream.write(ROLE);
    upstream.write(chunk({ content: 'Hi' }));
    const prefix = await held;
    expect(prefix?.ended).toBe(false);
    expect(prefix?.text).toContain('"role":"assistant"');
    expect(prefix?.text).toContain('"content":"Hi"');
    expect(prefix?.text).toContain('"model":"gpt"');
    expect(upstream.isPaused()).toBe(true);
  });

  it('fails the attempt (stream_error) on an in-band error before any content, destroying the upstream', async () => {
    const upstream = new PassThrough();
    const held = hold(upstream);
    upstream.write(ROLE + ERROR);
    const failure = await held.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AttemptFailure);
    expect((failure as AttemptFailure).outcome.kind).toBe('stream_error');
    expect(upstream.destroyed).toBe(true);
  });

  it('fails the attempt when the upstream ends before content without a finish, and hands over a complete empty answer', async () => {
    const cut = new PassThrough();
    const held = hold(cut);
    cut.end(ROLE);
    expect(((await held.catch((error: unknown) => error)) as AttemptFailure).outcome.kind).toBe('stream_error');

    const empty = new PassThrough();
    const done = hold(empty);
    empty.end(`${ROLE}${chunk({}, 'stop')}data: [DONE]\n\n`);
    expect(await done).toMatchObject({ ended: true });
  });

  it('fails over after first_token_timeout of silence (fake timers)', async () => {
    jest.useFakeTimers();
    try {
      const upstream = new PassThrough();
      const held = hold(upstream, { firstTokenTimeoutMs: 1000 });
      upstream.write(ROLE);
      jest.advanceTimersByTime(1000);
      expect(((await held.catch((error: unknown) => error)) as AttemptFailure).outcome.kind).toBe('first_token_timeout');
    } finally {
      jest.useRealTimers();
    }
  });

  it('hands over without content once the held text passes maxHeldChars', async () => {
    const upstream = new PassThrough();
    const held = holdUntilContent(upstream, passthroughTranslator(codec, 'gpt'), { format: 'openai-chat', signal: new AbortController().signal, maxHeldChars: ROLE.length + 10 });
    upstream.write(ROLE);
    upstream.write(ROLE);
    expect(await held).toMatchObject({ ended: false });
  });

  it('resolves undefined when the client leaves', async () => {
    const upstream = new PassThrough();
    const gone = new AbortController();
    const held = hold(upstream, { signal: gone.signal });
    gone.abort();
    expect(await held).toBeUndefined();
    expect(upstream.destroyed).toBe(true);
  });
});
