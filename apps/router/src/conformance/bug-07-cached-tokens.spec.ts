import { describe, expect, it } from '@jest/globals';
import { readFixture, readFixtureJson } from '@llm-router/testing';
import { pair } from './families.spec-helper.js';
import { translateResponse, translateStream } from './pipeline.spec-helper.js';
import type { JsonBody } from './scenarios.spec-helper.js';
import { replayAnthropic } from './sdk-replay.spec-helper.js';

// §6 #7 (BerriAI/litellm #31069, PR #41071): an Anthropic stream from an OpenAI upstream reported no cache
// reads and overstated input_tokens. OpenAI's prompt_tokens includes the cached part; Anthropic's
// input_tokens does not (§5.7): 9888 prompt tokens with 6752 cached are 3136 input + 6752 cache read.
// The fixtures' caches are empty, so their usage is edited to the issue's numbers.

const CACHED_USAGE = { prompt_tokens: 9888, completion_tokens: 23, total_tokens: 9911, prompt_tokens_details: { cached_tokens: 6752, audio_tokens: 0 } };
const EXPECTED = { input_tokens: 3136, cache_read_input_tokens: 6752, cache_creation_input_tokens: 0, output_tokens: 23 };
const toAnthropicClient = pair('anthropic-messages', 'openai');

describe('§6 #7: OpenAI cached tokens reach an Anthropic client as cache reads', () => {
  it('complete answer', () => {
    const body = { ...readFixtureJson<JsonBody>('openai-chat/basic.response.json'), usage: CACHED_USAGE };
    expect(translateResponse(toAnthropicClient, 'claude-haiku-4-5', body)).toMatchObject({ usage: EXPECTED });
  });

  it('stream: message_delta carries the split counts, and the SDK ends up with them', async () => {
    const fixture = readFixture('openai-chat/basic.stream.sse').toString('utf8');
    const usageChunk = /"usage":(\{"prompt_tokens":27[^\n]*?\}\}),"obfuscation"/.exec(fixture)?.[1];
    if (usageChunk === undefined) throw new Error('the basic stream fixture has its usage chunk');
    const stream = Buffer.from(fixture.replace(usageChunk, JSON.stringify(CACHED_USAGE)));
    const sse = translateStream(toAnthropicClient, stream, { clientModel: 'claude-haiku-4-5', includeUsage: false });
    expect((await replayAnthropic(sse)).usage).toMatchObject(EXPECTED);
  });
});
