import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { decodeInChunks, ollamaFixture, ollamaFixtureJson, testContext } from './codec.spec-helper.js';
import { ollamaProvider, ollamaUpstreamCodec } from './index.js';

describe('ollamaProvider', () => {
  it('speaks no client format natively and defaults to the local server', () => {
    expect(ollamaProvider.provider).toBe('ollama');
    expect(ollamaProvider.nativeFormats).toEqual([]);
    expect(ollamaProvider.defaultEndpoint).toBe('http://localhost:11434');
    expect(ollamaProvider.requiredHeaders).toEqual({});
    expect(ollamaProvider.transport).toBeUndefined();
    expect(ollamaProvider.translation).toBe(ollamaUpstreamCodec);
  });

  it('refuses to give a native URL with a 500 (every request is translated)', () => {
    expect(() => ollamaProvider.url('http://localhost:11434', 'openai-chat')).toThrow(RouterError);
    try {
      ollamaProvider.url('http://localhost:11434', 'anthropic-messages');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'api_error', status: 500, provider: 'ollama' });
    }
  });

  it('sends a configured key as a Bearer token (auth proxy, Ollama cloud)', () => {
    expect(ollamaProvider.authHeaders('secret')).toEqual({ authorization: 'Bearer secret' });
  });

  it('classifies errors as ollama errors', () => {
    expect(ollamaProvider.classifyError(503, '{"error":"server busy"}', {})).toMatchObject({ provider: 'ollama', kind: 'overloaded', status: 503 });
  });
});

describe('ollamaUpstreamCodec', () => {
  it('decodes the non-streamed and the streamed answer to the same text', () => {
    const response = ollamaUpstreamCodec.decodeResponse(ollamaFixtureJson('chat.response.json'), testContext());
    const events = decodeInChunks(ollamaUpstreamCodec.createStreamDecoder(testContext()), ollamaFixture('chat.stream.ndjson'), [5]);
    const streamed = events.map((event) => (event.type === 'text_delta' ? event.text : '')).join('');
    expect(response.parts).toEqual([{ type: 'text', text: streamed }]);
  });

  it('gives each stream its own state', () => {
    const first = ollamaUpstreamCodec.createStreamDecoder(testContext());
    const second = ollamaUpstreamCodec.createStreamDecoder(testContext());
    const lines = ollamaFixture('chat.tools.stream.ndjson').toString('utf8').split('\n');
    first.push(Buffer.from(`${lines[0]}\n`));
    expect(second.push(Buffer.from(`${lines[1]}\n`)).at(-1)).toMatchObject({ type: 'finish', stopReason: 'end_turn' });
    expect(first.push(Buffer.from(`${lines[1]}\n`)).at(-1)).toMatchObject({ type: 'finish', stopReason: 'tool_use' });
  });
});
