import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { readFixture, startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { anthropicModel, CLIENT_KEY, frameJson, openAIModel, postJson, splitSse, SseReader, type SseFrame } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

const MESSAGES = [{ role: 'user' as const, content: 'Tell me one fact about octopuses.' }];
const ANTHROPIC_HEADERS = { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' };
const OPENAI_HEADERS = { authorization: `Bearer ${CLIENT_KEY}` };

/** Frame spacing for the no-buffering tests: the mock then needs ~1 s (Anthropic) / ~2.6 s (OpenAI) to finish its stream. */
const SLOW_FRAMES_MS = 100;

// The slow-frame and idle-timeout tests take a few seconds by design; leave room on a loaded machine.
jest.setTimeout(20_000);

const OPENAI_MIDSTREAM_ERROR = splitSse(readFixture('openai-chat/error.midstream.sse').toString('utf8')).at(-1)!;
const ANTHROPIC_MIDSTREAM_ERROR = splitSse(readFixture('anthropic/error.midstream.sse').toString('utf8')).at(-1)!;

const hasOpenAIContent = (frame: SseFrame) => {
  const choices = frameJson(frame)?.['choices'];
  return Array.isArray(choices) && choices.some((c: { delta?: { content?: unknown } }) => typeof c.delta?.content === 'string' && c.delta.content !== '');
};
const isDone = (frame: SseFrame) => frame.data === '[DONE]';
const isOpenAIError = (frame: SseFrame) => frameJson(frame)?.['error'] !== undefined;

describe('streaming passthrough', () => {
  let openaiUpstream: MockUpstream;
  let anthropicUpstream: MockUpstream;
  let router: RunningRouter;
  let openai: OpenAI;
  let anthropic: Anthropic;

  beforeAll(async () => {
    openaiUpstream = await startMockOpenAI();
    anthropicUpstream = await startMockAnthropic();
    router = await startRouter({
      config: {
        models: {
          // Default timeouts (60 s): nothing but the client can end a stalled stream within a test.
          'gpt-stream': openAIModel(openaiUpstream, 'gpt-4o-2024-08-06'),
          'claude-stream': anthropicModel(anthropicUpstream, 'claude-sonnet-4-5'),
          // A 1 s stream idle timeout.
          'gpt-idle': openAIModel(openaiUpstream, 'gpt-4o-2024-08-06', { stream_idle_timeout: 1 }),
          'claude-idle': anthropicModel(anthropicUpstream, 'claude-sonnet-4-5', { stream_idle_timeout: 1 }),
        },
      },
    });
    openai = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${router.url}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: CLIENT_KEY, authToken: null, baseURL: router.url, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openaiUpstream?.close();
    await anthropicUpstream?.close();
  });

  beforeEach(() => {
    openaiUpstream.reset();
    anthropicUpstream.reset();
  });

  describe('no buffering', () => {
    it('OpenAI: the first content chunk reaches the client before the upstream finished its stream', async () => {
      openaiUpstream.enqueue({ chunkDelayMs: SLOW_FRAMES_MS });
      const stream = await openai.chat.completions.create({ model: 'gpt-stream', messages: MESSAGES, stream: true });
      let completedAtFirstContent: number | undefined;
      let content = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta.content ?? '';
        if (delta !== '' && completedAtFirstContent === undefined) completedAtFirstContent = openaiUpstream.streamsCompleted;
        content += delta;
      }
      expect(completedAtFirstContent).toBe(0);
      expect(content.length).toBeGreaterThan(0);
      await openaiUpstream.waitForStreamsCompleted(1);
    });

    it('OpenAI raw: the stream starts with the upstream still writing and ends with [DONE]', async () => {
      openaiUpstream.enqueue({ chunkDelayMs: SLOW_FRAMES_MS });
      const response = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-stream', messages: MESSAGES, stream: true }, OPENAI_HEADERS);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('x-router-upstream-model')).toBe('gpt-4o-2024-08-06');
      const reader = new SseReader(response);
      const first = await reader.until(hasOpenAIContent);
      expect(first).toBeDefined();
      expect(openaiUpstream.streamsCompleted).toBe(0);
      const frames = await reader.all();
      expect(frames.at(-1)?.data).toBe('[DONE]');
      expect(openaiUpstream.streamsCompleted).toBe(1);
    });

    it('Anthropic: the first text delta reaches the client before the upstream finished its stream', async () => {
      anthropicUpstream.enqueue({ chunkDelayMs: SLOW_FRAMES_MS });
      let completedAtFirstText: number | undefined;
      const stream = anthropic.messages.stream({ model: 'claude-stream', max_tokens: 256, messages: MESSAGES });
      stream.on('text', () => {
        completedAtFirstText ??= anthropicUpstream.streamsCompleted;
      });
      const message = await stream.finalMessage();
      expect(completedAtFirstText).toBe(0);
      expect(message.model).toBe('claude-stream');
      await anthropicUpstream.waitForStreamsCompleted(1);
    });
  });

  describe('client disconnect', () => {
    it('OpenAI: aborting the fetch after the first chunk makes the router drop its upstream request', async () => {
      openaiUpstream.enqueue({ stallAfterFrames: 3 });
      const controller = new AbortController();
      const response = await postJson(
        `${router.url}/v1/chat/completions`,
        { model: 'gpt-stream', messages: MESSAGES, stream: true },
        OPENAI_HEADERS,
        controller.signal,
      );
      expect(response.status).toBe(200);
      const reader = new SseReader(response);
      expect(await reader.until(hasOpenAIContent)).toBeDefined();
      expect(openaiUpstream.clientAborts).toBe(0);
      controller.abort();
      await reader.cancel();
      await openaiUpstream.waitForClientAbort(3000);
      expect(openaiUpstream.clientAborts).toBe(1);
    });

    it('Anthropic: aborting the SDK stream after the first text makes the router drop its upstream request', async () => {
      anthropicUpstream.enqueue({ stallAfterFrames: 4 }); // message_start, content_block_start, ping, the first text delta
      const stream = anthropic.messages.stream({ model: 'claude-stream', max_tokens: 256, messages: MESSAGES });
      const firstText = new Promise<string>((resolve) => stream.once('text', resolve));
      const ended = stream.done().catch((error: unknown) => error);
      expect(await firstText).toBe('Octopuses have three');
      expect(anthropicUpstream.clientAborts).toBe(0);
      stream.abort();
      expect(await ended).toBeInstanceOf(Anthropic.APIUserAbortError);
      await anthropicUpstream.waitForClientAbort(3000);
      expect(anthropicUpstream.clientAborts).toBe(1);
    });
  });

  describe('upstream error mid-stream', () => {
    it('OpenAI: the SDK throws the upstream error after the deltas before it', async () => {
      openaiUpstream.enqueue({ midstreamError: true });
      const stream = await openai.chat.completions.create({ model: 'gpt-stream', messages: MESSAGES, stream: true });
      let content = '';
      const error = await (async () => {
        for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as Error).message).toContain('The server had an error while processing your request');
      expect(content).toBe('Octopuses have');
    });

    it('OpenAI raw: the upstream error frame is forwarded and no [DONE] follows it', async () => {
      openaiUpstream.enqueue({ midstreamError: true });
      const response = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-stream', messages: MESSAGES, stream: true }, OPENAI_HEADERS);
      expect(response.status).toBe(200);
      const frames = await new SseReader(response).all();
      const errorAt = frames.findIndex(isOpenAIError);
      expect(errorAt).toBeGreaterThan(0);
      expect(frames[errorAt]?.raw).toBe(OPENAI_MIDSTREAM_ERROR.raw);
      expect(frames.some(isDone)).toBe(false);
      expect(frames.slice(0, errorAt).filter(hasOpenAIContent)).toHaveLength(1);
    });

    it("OpenAI raw: the upstream's error frame is the stream's last frame (no second, different error appended)", async () => {
      openaiUpstream.enqueue({ midstreamError: true });
      const response = await postJson(`${router.url}/v1/chat/completions`, { model: 'gpt-stream', messages: MESSAGES, stream: true }, OPENAI_HEADERS);
      const frames = await new SseReader(response).all();
      expect(frames.at(-1)?.raw).toBe(OPENAI_MIDSTREAM_ERROR.raw);
      expect(frames.filter(isOpenAIError)).toHaveLength(1);
    });

    it('Anthropic: the upstream event: error is forwarded byte for byte and the SDK throws it', async () => {
      anthropicUpstream.enqueue({ midstreamError: true });
      const error = await anthropic.messages
        .stream({ model: 'claude-stream', max_tokens: 256, messages: MESSAGES })
        .finalMessage()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.APIError);
      expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });

      anthropicUpstream.enqueue({ midstreamError: true });
      const response = await postJson(
        `${router.url}/v1/messages`,
        { model: 'claude-stream', max_tokens: 256, messages: MESSAGES, stream: true },
        ANTHROPIC_HEADERS,
      );
      expect(response.status).toBe(200);
      const frames = await new SseReader(response).all();
      const errorAt = frames.findIndex((f) => f.event === 'error');
      expect(errorAt).toBeGreaterThan(0);
      expect(frames[errorAt]?.raw).toBe(ANTHROPIC_MIDSTREAM_ERROR.raw);
      expect(frames.some((f) => f.event === 'message_stop')).toBe(false);
    });

    it("Anthropic raw: the upstream's event: error is the stream's last frame (no second, different error appended)", async () => {
      anthropicUpstream.enqueue({ midstreamError: true });
      const response = await postJson(
        `${router.url}/v1/messages`,
        { model: 'claude-stream', max_tokens: 256, messages: MESSAGES, stream: true },
        ANTHROPIC_HEADERS,
      );
      const frames = await new SseReader(response).all();
      expect(frames.at(-1)?.raw).toBe(ANTHROPIC_MIDSTREAM_ERROR.raw);
      expect(frames.filter((f) => f.event === 'error')).toHaveLength(1);
    });
  });

  describe('stream idle timeout', () => {
    it('OpenAI: a stalled upstream ends the stream with an in-band error frame and no [DONE]', async () => {
      openaiUpstream.enqueue({ stallAfterFrames: 3 });
      const response = await postJson(
        `${router.url}/v1/chat/completions`,
        { model: 'gpt-idle', messages: MESSAGES, stream: true },
        OPENAI_HEADERS,
        AbortSignal.timeout(10_000),
      );
      expect(response.status).toBe(200);
      const frames = await new SseReader(response).all();
      expect(frames.filter(hasOpenAIContent)).toHaveLength(2); // 'Oct', 'opuses'
      expect(frames.some(isDone)).toBe(false);
      const last = frames.at(-1)!;
      expect(isOpenAIError(last)).toBe(true);
      expect(frameJson(last)?.['error']).toEqual(expect.objectContaining({ message: expect.stringContaining('idle') }));
      // The router also closed the stalled upstream request.
      await openaiUpstream.waitForClientAbort(3000);
    });

    it('OpenAI SDK: a stalled upstream makes the stream throw instead of hanging', async () => {
      openaiUpstream.enqueue({ stallAfterFrames: 3 });
      const stream = await openai.chat.completions.create({ model: 'gpt-idle', messages: MESSAGES, stream: true }, { timeout: 10_000 });
      let content = '';
      const error = await (async () => {
        for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(content).toBe('Octopuses'); // the 3 frames before the stall: role, 'Oct', 'opuses'
      await openaiUpstream.waitForClientAbort(3000);
    });

    it('Anthropic: a stalled upstream ends the stream with event: error', async () => {
      anthropicUpstream.enqueue({ stallAfterFrames: 4 });
      const response = await postJson(
        `${router.url}/v1/messages`,
        { model: 'claude-idle', max_tokens: 256, messages: MESSAGES, stream: true },
        ANTHROPIC_HEADERS,
        AbortSignal.timeout(10_000),
      );
      expect(response.status).toBe(200);
      const frames = await new SseReader(response).all();
      expect(frames.map((f) => f.event)).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta', 'error']);
      const last = frameJson(frames.at(-1)!);
      expect(last).toEqual({ type: 'error', error: { type: 'timeout_error', message: expect.stringContaining('idle') } });
      await anthropicUpstream.waitForClientAbort(3000);
    });
  });
});
