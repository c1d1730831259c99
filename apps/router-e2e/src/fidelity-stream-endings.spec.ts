import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readSseFixtureFrames, startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { anthropicModel, CLIENT_KEY, openAIModel, postJson } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

/**
 * Passthrough streams whose upstream ends the body without the format's terminator (`data: [DONE]`,
 * `event: message_stop`). After the finish frame (a non-null `finish_reason`, a `message_delta` with its
 * `stop_reason`) the answer is complete: the client gets it whole, ended by the terminator the router
 * writes in the upstream's place. Before it, the answer is truncated: an in-band error, never a success.
 */

// role, content deltas..., the finish chunk, the usage chunk, [DONE]
const OPENAI_FRAMES = readSseFixtureFrames('openai-chat/basic.stream.sse');
const OPENAI_TEXT = textOfOpenAIFrames(OPENAI_FRAMES);
// message_start ... content_block_stop, message_delta (stop_reason), message_stop
const ANTHROPIC_FRAMES = readSseFixtureFrames('anthropic/basic.stream.sse');
const ANTHROPIC_TEXT = 'Octopuses have three hearts: two pump blood through the gills, while the third circulates it to the rest of the body.';

function textOfOpenAIFrames(frames: string[]): string {
  return frames
    .map((raw) => raw.replace(/^data: /, '').trim())
    .filter((data) => data.startsWith('{'))
    .map((data) => (JSON.parse(data) as { choices: Array<{ delta?: { content?: string } }> }).choices[0]?.delta?.content ?? '')
    .join('');
}

describe('fidelity: passthrough streams that end without their terminator', () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;
  let openaiSdk: OpenAI;
  let anthropicSdk: Anthropic;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic();
    router = await startRouter({
      config: {
        models: {
          'gpt-pass': openAIModel(openai, 'gpt-4.1-mini'),
          'claude-pass': anthropicModel(anthropic, 'claude-haiku-4-5'),
        },
      },
    });
    openaiSdk = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${router.url}/v1`, maxRetries: 0 });
    anthropicSdk = new Anthropic({ apiKey: CLIENT_KEY, baseURL: router.url, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await anthropic?.close();
  });

  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  const openAIStream = async () => {
    const stream = await openaiSdk.chat.completions.create({
      model: 'gpt-pass',
      messages: [{ role: 'user', content: 'Tell me one fact about octopuses.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    return { text, finish, usage };
  };

  it('OpenAI SDK: a stream with its finish and usage chunks but no [DONE] is a complete answer', async () => {
    openai.enqueue({ frames: OPENAI_FRAMES.slice(0, -1) });
    const { text, finish, usage } = await openAIStream();
    expect(text).toBe(OPENAI_TEXT);
    expect(finish).toBe('stop');
    expect(usage?.prompt_tokens).toBe(27);
  });

  it('OpenAI SDK: a stream that ends right after the finish chunk (usage never came) is complete too', async () => {
    openai.enqueue({ frames: OPENAI_FRAMES.slice(0, -2) });
    const { text, finish } = await openAIStream();
    expect(text).toBe(OPENAI_TEXT);
    expect(finish).toBe('stop');
  });

  it('the router writes the missing data: [DONE] itself, and nothing else after the upstream frames', async () => {
    openai.enqueue({ frames: OPENAI_FRAMES.slice(0, -1) });
    const response = await postJson(
      `${router.url}/v1/chat/completions`,
      { model: 'gpt-pass', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } },
      { authorization: `Bearer ${CLIENT_KEY}` },
    );
    const body = await response.text();
    expect(response.status).toBe(200);
    const usageFrame = OPENAI_FRAMES[OPENAI_FRAMES.length - 2]!.replace('"model":"gpt-4.1-mini-2025-04-14"', '"model":"gpt-pass"');
    expect(body.endsWith(`${usageFrame}data: [DONE]\n\n`)).toBe(true);
    expect(body.match(/data: \[DONE\]/g)).toHaveLength(1);
    expect(body).not.toContain('"error"');
  });

  it('OpenAI SDK: a stream cut before its finish_reason gets the in-band error, not a success', async () => {
    openai.enqueue({ frames: OPENAI_FRAMES.slice(0, -3) });
    const error = await openAIStream().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String((error as Error).message)).toContain('ended before its final event');
  });

  const anthropicStream = () =>
    anthropicSdk.messages
      .stream({ model: 'claude-pass', max_tokens: 256, messages: [{ role: 'user', content: 'Tell me one fact about octopuses.' }] })
      .finalMessage();

  it('Anthropic SDK: a stream with its message_delta (stop_reason) but no message_stop is a complete answer', async () => {
    anthropic.enqueue({ frames: ANTHROPIC_FRAMES.slice(0, -1) });
    const message = await anthropicStream();
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: ANTHROPIC_TEXT })]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(26);
    expect(message.model).toBe('claude-pass');
  });

  it('the router writes the missing event: message_stop itself', async () => {
    anthropic.enqueue({ frames: ANTHROPIC_FRAMES.slice(0, -1) });
    const response = await postJson(
      `${router.url}/v1/messages`,
      { model: 'claude-pass', max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'hi' }] },
      { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' },
    );
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body.endsWith('"usage":{"output_tokens":26}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    expect(body).not.toContain('event: error');
  });

  it('Anthropic SDK: a stream cut before its message_delta gets the in-band error, not a success', async () => {
    anthropic.enqueue({ frames: ANTHROPIC_FRAMES.slice(0, -2) });
    const error = await anthropicStream().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String((error as Error).message)).toContain('ended before its final event');
  });

  it('a complete upstream stream is forwarded byte for byte, with a single terminator', async () => {
    anthropic.enqueue({ frames: ANTHROPIC_FRAMES });
    const response = await postJson(
      `${router.url}/v1/messages`,
      { model: 'claude-pass', max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'hi' }] },
      { 'x-api-key': CLIENT_KEY, 'anthropic-version': '2023-06-01' },
    );
    const body = await response.text();
    expect(body).toBe(ANTHROPIC_FRAMES.join('').replace('"model":"claude-haiku-4-5-20251001"', '"model":"claude-pass"'));
  });
});
