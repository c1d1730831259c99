import { describe, expect, it } from '@jest/globals';
import { readSseFixtureFrames } from '@llm-router/testing';
import { codecFor } from './client-codecs.js';
import { passthroughTranslator } from './passthrough-translator.js';

/** Pushes `frames` one by one, then ends the upstream body; everything the client would receive. */
function run(format: Parameters<typeof codecFor>[0], frames: string[]) {
  const translator = passthroughTranslator(codecFor(format), 'client-model');
  let text = '';
  for (const frame of frames) {
    const out = translator.push(Buffer.from(frame));
    text += out.text;
    if (out.ended) return { text, ended: 'by-frame', error: out.error };
  }
  const out = translator.end();
  return { text: text + out.text, ended: 'by-upstream-end', error: out.error };
}

const OPENAI = readSseFixtureFrames('openai-chat/basic.stream.sse');
const COMPLETIONS = readSseFixtureFrames('openai-completions/stream.sse');
const ANTHROPIC = readSseFixtureFrames('anthropic/basic.stream.sse');

describe('passthroughTranslator: streams that end without their terminator', () => {
  it.each([
    ['openai-chat', OPENAI, 'data: [DONE]\n\n'],
    ['openai-completions', COMPLETIONS, 'data: [DONE]\n\n'],
    ['anthropic-messages', ANTHROPIC, 'event: message_stop\ndata: {"type":"message_stop"}\n\n'],
  ] as const)('%s: an end after the finish frame completes the stream with the format terminator', (format, frames, terminator) => {
    const out = run(format, frames.slice(0, -1));
    expect(out.error).toBeUndefined();
    expect(out.text.endsWith(`}\n\n${terminator}`)).toBe(true);
    expect(out.text.split(terminator)).toHaveLength(2);
  });

  it('openai-chat: the finish chunk then an end (the usage chunk never came) is complete', () => {
    const out = run('openai-chat', OPENAI.slice(0, -2));
    expect(out.error).toBeUndefined();
    expect(out.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it.each([
    ['openai-chat', OPENAI.slice(0, -3)],
    ['openai-completions', COMPLETIONS.slice(0, 2)],
    ['anthropic-messages', ANTHROPIC.slice(0, -2)],
  ] as const)('%s: an end before the finish frame is an in-band error, no terminator', (format, frames) => {
    const out = run(format, frames);
    expect(out.error?.message).toBe('upstream stream ended before its final event');
    expect(out.text).not.toContain('[DONE]');
    expect(out.text).not.toContain('message_stop');
  });

  it.each([
    ['openai-chat', OPENAI],
    ['anthropic-messages', ANTHROPIC],
  ] as const)('%s: a complete stream ends on its own terminal frame, and the router adds nothing', (format, frames) => {
    const out = run(format, frames);
    expect(out).toEqual({ text: expect.any(String), ended: 'by-frame', error: undefined });
    expect(out.text.endsWith(frames[frames.length - 1]!)).toBe(true);
  });
});

describe("passthroughTranslator: usage the router asked for on the client's behalf", () => {
  const usageFrame = OPENAI.find((frame) => frame.includes('"choices":[]'));

  it('observes the usage-only frame but does not forward it with hideUsageFrames, and forwards it without', () => {
    expect(usageFrame).toBeDefined();
    const seen: string[] = [];
    const hidden = passthroughTranslator(codecFor('openai-chat'), 'client-model', (data) => seen.push(data), { hideUsageFrames: true });
    const hiddenText = OPENAI.map((frame) => hidden.push(Buffer.from(frame)).text).join('');
    expect(hiddenText).not.toContain('"choices":[]');
    expect(hiddenText.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(seen.some((data) => data.includes('"usage":{'))).toBe(true);
    const shown = passthroughTranslator(codecFor('openai-chat'), 'client-model');
    expect(OPENAI.map((frame) => shown.push(Buffer.from(frame)).text).join('')).toContain('"choices":[]');
  });
});

describe('passthroughTranslator: malformed upstream frames', () => {
  const RESPONSES = readSseFixtureFrames('openai-responses/basic.stream.sse');

  it.each([
    ['openai-chat', OPENAI, 'data: {"choices":[{"delta":{"cont\n\n'],
    ['openai-completions', COMPLETIONS, 'data: not json at all\n\n'],
    ['anthropic-messages', ANTHROPIC, 'event: content_block_delta\ndata: {"type":"content_block_delta",,}\n\n'],
    ['openai-responses', RESPONSES, 'event: response.output_text.delta\ndata: [1,2]\n\n'],
  ] as const)('%s: a frame that is not a JSON object is skipped (reported), never forwarded, and the stream goes on to its end', (format, frames, bad) => {
    const skipped: string[] = [];
    const translator = passthroughTranslator(codecFor(format), 'client-model', undefined, { onSkippedFrame: (description) => skipped.push(description) });
    const withBad = [frames[0]!, bad, ...frames.slice(1)];
    let text = '';
    let ended = false;
    for (const frame of withBad) {
      const out = translator.push(Buffer.from(frame));
      text += out.text;
      expect(out.error).toBeUndefined();
      ended = out.ended;
    }
    if (!ended) text += translator.end().text;
    const clean = passthroughTranslator(codecFor(format), 'client-model');
    let expected = frames.map((frame) => clean.push(Buffer.from(frame)).text).join('');
    expected += clean.end().text;
    expect(text).toBe(expected);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/ that is not a JSON object skipped: /);
  });
});
