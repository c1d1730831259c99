import { describe, expect, it } from '@jest/globals';
import { readFixture, readFixtureJson } from '@llm-router/testing';
import { clientFrames } from './client-stream-wire.spec-helper.js';
import { pair, type Pair } from './families.spec-helper.js';
import { expectedStopReason, OPENAI_FINISH_REASONS } from './mapping-oracle.spec-helper.js';
import { accumulateOllamaStream } from './ollama-accumulation.spec-helper.js';
import { translateResponse, translateStream } from './pipeline.spec-helper.js';
import type { JsonBody } from './scenarios.spec-helper.js';

// §6 #9 (Portkey-AI/gateway #459, #1200): vendor stop reasons passed raw into OpenAI's finish_reason,
// which strict clients reject. Every Anthropic and Ollama reason (known, future and missing) maps into
// OpenAI's enum, as §5.6 says, complete and streamed; legacy completions only know stop|length|content_filter.

const ANTHROPIC_REASONS = ['end_turn', 'stop_sequence', 'max_tokens', 'tool_use', 'pause_turn', 'refusal', 'model_context_window_exceeded', 'compaction_done'];
const OLLAMA_REASONS = ['stop', 'length', 'load', 'unload', 'cancelled', undefined];
const COMPLETION_FINISH_REASONS = ['stop', 'length', 'content_filter'];

/** The finish_reason of a complete OpenAI answer and of the last chunk that has one. */
function finishReasons(p: Pair, upstreamBody: unknown, upstreamStream: Buffer): [unknown, unknown] {
  const answer = translateResponse(p, 'client-model', upstreamBody) as { choices: Array<{ finish_reason: unknown }> };
  const chunks = clientFrames(translateStream(p, upstreamStream, { clientModel: 'client-model', includeUsage: false }));
  const streamed = chunks.flatMap(({ data }) => (data === '[DONE]' ? [] : ((data['choices'] as Array<{ finish_reason: unknown }>)[0]?.finish_reason ?? [])));
  return [answer.choices[0]?.finish_reason, streamed.at(-1)];
}

const replaceAll = (bytes: Buffer, from: string, to: string) => Buffer.from(bytes.toString('utf8').split(from).join(to));

describe('§6 #9: every upstream stop reason is one of OpenAI’s finish reasons', () => {
  describe.each(['openai-chat', 'openai-completions'] as const)('%s client', (client) => {
    const allowed = client === 'openai-chat' ? OPENAI_FINISH_REASONS : COMPLETION_FINISH_REASONS;

    it.each(ANTHROPIC_REASONS)('anthropic %s', (reason) => {
      const body = { ...readFixtureJson<JsonBody>('anthropic/basic.response.json'), stop_reason: reason };
      const stream = replaceAll(readFixture('anthropic/basic.stream.sse'), '"stop_reason":"end_turn"', `"stop_reason":"${reason}"`);
      const expected = expectedStopReason('anthropic', reason, client, false);
      expect(finishReasons(pair(client, 'anthropic'), body, stream)).toEqual([expected, expected]);
      expect(allowed).toContain(expected);
    });

    it.each(OLLAMA_REASONS)('ollama %s', (reason) => {
      const completion = client === 'openai-completions';
      const stream = readFixture(completion ? 'ollama/generate.stream.ndjson' : 'ollama/chat.stream.ndjson');
      const edited = replaceAll(stream, '"done_reason":"stop",', reason === undefined ? '' : `"done_reason":"${reason}",`);
      const expected = expectedStopReason('ollama', reason, client, false);
      expect(finishReasons(pair(client, 'ollama'), accumulateOllamaStream(edited), edited)).toEqual([expected, expected]);
      expect(allowed).toContain(expected);
    });
  });

  it.each(OLLAMA_REASONS)('ollama %s after tool calls (§6 #3: Ollama says stop after calling tools)', (reason) => {
    const edited = replaceAll(readFixture('ollama/chat.tools.stream.ndjson'), '"done_reason":"stop",', reason === undefined ? '' : `"done_reason":"${reason}",`);
    const expected = expectedStopReason('ollama', reason, 'openai-chat', true);
    expect(finishReasons(pair('openai-chat', 'ollama'), accumulateOllamaStream(edited), edited)).toEqual([expected, expected]);
    expect(expected).toBe(reason === 'length' ? 'length' : 'tool_calls');
  });
});
