import { describe, expect, it } from '@jest/globals';
import { readFixture } from '@llm-router/testing';
import { clientFrames } from './client-stream-wire.spec-helper.js';
import { pair } from './families.spec-helper.js';
import { accumulateOllamaStream } from './ollama-accumulation.spec-helper.js';
import { translateResponse, translateStream } from './pipeline.spec-helper.js';
import { replayOpenAIChat } from './sdk-replay.spec-helper.js';

// §6 #4 (BerriAI/litellm PR #37792): Ollama tool calls reached OpenAI clients with `arguments` as an
// object, ids without the `call_` prefix and every call at index 0. Older Ollama servers send no ids at
// all: the router makes them up (`call_` + 24 alphanumerics), unique, and numbers the calls 0, 1.

/** chat.tools.stream.ndjson as an older Ollama sends it: no `id`, no `function.index`. */
function toolsStreamWithoutIds(): Buffer {
  return Buffer.from(
    readFixture('ollama/chat.tools.stream.ndjson')
      .toString('utf8')
      .replace(/"id":"call_[a-z0-9]+",/g, '')
      .replace(/"index":\d+,/g, ''),
  );
}

const toOpenAIChat = pair('openai-chat', 'ollama');

describe('§6 #4: Ollama tool calls as OpenAI tool calls', () => {
  it('stream: string arguments, fresh unique call_ ids, indexes 0 and 1; the SDK assembles both calls', async () => {
    const sse = translateStream(toOpenAIChat, toolsStreamWithoutIds(), { clientModel: 'gpt-4.1-mini', includeUsage: false });
    const fragments = clientFrames(sse).flatMap(({ data }) =>
      data === '[DONE]' ? [] : ((data['choices'] as Array<{ delta: { tool_calls?: Array<{ index: number; id?: string; function: { arguments: unknown } }> } }>)[0]?.delta.tool_calls ?? []),
    );
    // Calls are numbered 0, 1 (each may come in several fragments: the first one carries the id).
    expect([...new Set(fragments.map((fragment) => fragment.index))]).toEqual([0, 1]);
    for (const fragment of fragments) expect(typeof fragment.function.arguments).toBe('string');
    const ids = fragments.flatMap((fragment) => (fragment.id === undefined ? [] : [fragment.id]));
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(new Set(ids).size).toBe(2);

    const final = await replayOpenAIChat(sse);
    const calls = final.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => (call.type === 'function' ? JSON.parse(call.function.arguments) : undefined))).toEqual([
      { city: 'Paris', unit: 'celsius' },
      { city: 'Tokyo', unit: 'celsius' },
    ]);
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('complete answer: the same', () => {
    const answer = translateResponse(toOpenAIChat, 'gpt-4.1-mini', accumulateOllamaStream(toolsStreamWithoutIds())) as {
      choices: Array<{ message: { tool_calls: Array<{ id: string; function: { arguments: unknown } }> } }>;
    };
    const calls = answer.choices[0]?.message.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
      expect(typeof call.function.arguments).toBe('string');
    }
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
  });
});
