import { describe, expect, it } from '@jest/globals';
import { clientFrames } from './client-stream-wire.spec-helper.js';
import { ESTIMATED_INPUT_TOKENS } from './conformance-context.spec-helper.js';
import { pair } from './families.spec-helper.js';
import { translateStream } from './pipeline.spec-helper.js';
import { upstreamAnswer } from './scenarios.spec-helper.js';
import { replayAnthropic } from './sdk-replay.spec-helper.js';

// §6 #8 (Portkey-AI/gateway #1180; CLIProxyAPI #1700): `message_start` said input_tokens 0, which broke
// Claude Code's context meter. OpenAI and Ollama report the prompt size only at the end: message_start
// carries the router's estimate, message_delta the real count, which is what the SDK ends up with.

describe('§6 #8: an Anthropic client sees non-zero input tokens from the first event', () => {
  it.each([
    ['openai', 27],
    ['ollama', 38],
  ] as const)('from %s: the estimate in message_start, the real %i in message_delta', async (upstream, real) => {
    const answer = upstreamAnswer(upstream, 'basic', 'anthropic-messages');
    if (answer === undefined) throw new Error('every upstream has a basic stream');
    const sse = translateStream(pair('anthropic-messages', upstream), answer.stream, { clientModel: 'claude-haiku-4-5', includeUsage: false });
    const events = clientFrames(sse).flatMap(({ data }) => (data === '[DONE]' ? [] : [data]));
    const start = events.find((event) => event['type'] === 'message_start')?.['message'] as { usage: { input_tokens: number } };
    const delta = events.find((event) => event['type'] === 'message_delta') as { usage: { input_tokens: number } };
    expect(start.usage.input_tokens).toBe(ESTIMATED_INPUT_TOKENS);
    expect(delta.usage.input_tokens).toBe(real);
    expect((await replayAnthropic(sse)).usage.input_tokens).toBe(real);
  });
});
