import { describe, expect, it } from '@jest/globals';
import type { ClientFormat } from '@llm-router/core';
import { clientFrames, expectInBandError } from './client-stream-wire.spec-helper.js';
import { TRANSLATED_PAIRS } from './families.spec-helper.js';
import { GoldenFiles, goldenNormaliser } from './golden-files.spec-helper.js';
import { translateStream } from './pipeline.spec-helper.js';
import { clientRequest, upstreamAnswer, upstreamMidstreamError } from './scenarios.spec-helper.js';

// Streams that fail after they started, every translated pair (§0.3, §5.9, §6 #14): the upstream's own
// mid-stream error and a stream cut before its end both reach the client as the client format's in-band
// error, after the text already sent, and never as a success ending; the SDK throws.
// Recorded in golden/<pair>/midstream-error.stream.sse and truncated-*.stream.sse.

const golden = new GoldenFiles(process.env['UPDATE_GOLDEN'] === '1');

/** §5.9: every upstream failure mid-stream is a server-side error in the client's vocabulary. */
const ERROR_TYPE: Readonly<Record<ClientFormat, string>> = {
  'openai-chat': 'server_error',
  'openai-completions': 'server_error',
  'openai-responses': 'server_error',
  'anthropic-messages': 'api_error',
};

/** The text the client received before the error (chat deltas, completion texts, Anthropic text deltas). */
function textBeforeError(sse: string): string {
  return clientFrames(sse)
    .map(({ data }) => {
      if (data === '[DONE]') return '';
      const choice = (data['choices'] as Array<{ text?: string; delta?: { content?: string } }> | undefined)?.[0];
      const delta = data['delta'] as { text?: string } | undefined;
      if (data['type'] === 'response.output_text.delta') return String(data['delta']);
      return choice?.text ?? choice?.delta?.content ?? delta?.text ?? '';
    })
    .join('');
}

/**
 * The first two thirds of a stream: cut at the last frame (SSE) or line (NDJSON) boundary before that
 * point, or right there, in the middle of a frame. Either way before the upstream's final event.
 */
function cutStream(bytes: Buffer, where: 'between frames' | 'mid-frame'): Buffer {
  const at = Math.floor((bytes.length * 2) / 3);
  if (where === 'mid-frame') return bytes.subarray(0, at);
  const text = bytes.toString('latin1');
  const sse = text.lastIndexOf('\n\n', at);
  return bytes.subarray(0, sse !== -1 ? sse + 2 : text.lastIndexOf('\n', at) + 1);
}

describe.each(TRANSLATED_PAIRS)('$name: failed streams', (pair) => {
  const clientModel = String(clientRequest(pair.client, 'basic')['model']);

  it('an upstream error mid-stream ends the client stream with an in-band error, after the text sent so far', async () => {
    const sse = translateStream(pair, upstreamMidstreamError(pair.upstream, pair.client), { clientModel, includeUsage: true });
    golden.check(`${pair.name}/midstream-error.stream.sse`, goldenNormaliser(pair.upstream)(sse));

    const error = await expectInBandError(pair.client, sse);
    expect(error['type']).toBe(ERROR_TYPE[pair.client]);
    expect(String(error['message'])).toMatch(/^(openai|anthropic|ollama)[: ]/);
    expect(textBeforeError(sse)).toBe('Octopuses have');
  });

  it.each(['between frames', 'mid-frame'] as const)('a stream cut %s before its end is an in-band error, never a success ending', async (where) => {
    const upstream = upstreamAnswer(pair.upstream, 'basic', pair.client);
    if (upstream === undefined) throw new Error('every upstream has a basic stream');
    const sse = translateStream(pair, cutStream(upstream.stream, where), { clientModel, includeUsage: true });
    golden.check(`${pair.name}/truncated-${where.replace(' ', '-')}.stream.sse`, goldenNormaliser(pair.upstream)(sse));

    const error = await expectInBandError(pair.client, sse);
    expect(error['type']).toBe(ERROR_TYPE[pair.client]);
    // Cut at two thirds, every basic stream has delivered text by then.
    if (where === 'between frames') expect(textBeforeError(sse).length).toBeGreaterThan(0);
  });
});
