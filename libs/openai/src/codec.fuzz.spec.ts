import { describe, expect, it } from '@jest/globals';
import { type IrPart, type IrRequest, type IrResponse, type IrStopReason, type IrStreamEvent } from '@llm-router/core';
import fc from 'fast-check';
import { decodeStream, fuzzParams, inputs, totalOrRouterError } from '@llm-router/testing';
import { openAIChatCodec, openAICompletionsCodec, openAIUpstreamCodec } from './index.js';
import { testContext, fixtureBytes, fixtureJson } from './test-context.spec-helper.js';
import { chatRequestProblems } from './upstream/chat-request-rules.spec-helper.js';

const params = fuzzParams(process.env);

// Property-based proof that the OpenAI codecs are total: every decode entry point (client request ->
// IR, upstream answer -> IR, upstream stream -> IR events) either returns a JSON-serialisable value or
// throws a RouterError, never a TypeError/RangeError; encoders turn valid IR into bodies the real API
// accepts. Fixed seed (printed with any counterexample); FUZZ_RUNS=<n> and FUZZ_SEED=<n> run longer.
// The generators and oracles are shared with the other family libs (@llm-router/testing).

const chatRequests = ['openai-chat/basic.request.json', 'openai-chat/tools.followup.request.json', 'openai-chat/vision.request.json', 'openai-chat/tools.stream.request.json'].map(fixtureJson);
const completionRequests = ['openai-completions/basic.request.json', 'openai-completions/stream.request.json'].map(fixtureJson);
const chatResponses = ['openai-chat/basic.response.json', 'openai-chat/tools.response.json'].map(fixtureJson);
const chatStreams = ['openai-chat/basic.stream.sse', 'openai-chat/tools.stream.sse', 'openai-chat/error.midstream.sse'].map(fixtureBytes);

/** Corruptions of a valid SSE stream: bytes replaced by garbage (CR, NUL, invalid UTF-8, broken JSON). */
const corruptedStream = fc
  .tuple(fc.constantFrom(...chatStreams), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\r', '\u0000', '\xff', '{', 'data: {"choices":[{"delta":', '\n\n', 'data: [DONE]\n\n')), { maxLength: 5 }))
  .map(([bytes, edits]) => {
    let text = bytes.toString('latin1');
    for (const [at, garbage] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + garbage + text.slice(i + 1);
    }
    return Buffer.from(text, 'latin1');
  });

describe('OpenAI codecs under generated input', () => {
  it('chat: inspect and decodeRequest return a value or throw a RouterError', () => {
    fc.assert(
      fc.property(inputs(chatRequests), (body) => {
        totalOrRouterError(() => openAIChatCodec.inspect(body));
        totalOrRouterError(() => openAIChatCodec.decodeRequest(body, testContext()));
      }),
      params,
    );
  });

  it('completions: inspect and decodeRequest return a value or throw a RouterError', () => {
    fc.assert(
      fc.property(inputs(completionRequests), (body) => {
        totalOrRouterError(() => openAICompletionsCodec.inspect(body));
        totalOrRouterError(() => openAICompletionsCodec.decodeRequest(body, testContext()));
      }),
      params,
    );
  });

  it('upstream: decodeResponse returns a value or throws a RouterError', () => {
    fc.assert(
      fc.property(inputs(chatResponses), (body) => totalOrRouterError(() => openAIUpstreamCodec.decodeResponse(body, testContext()))),
      params,
    );
  });

  it('upstream: the stream decoder survives any split of a valid stream and corrupted frames', () => {
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...chatStreams), corruptedStream), cuts, (bytes, at) => decodeStream(openAIUpstreamCodec.createStreamDecoder(testContext()), bytes, at)),
      params,
    );
  });

  /** Valid IR requests: alternating user/assistant text turns, optional sampling knobs. */
  const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => `w${s}`);
  const irRequest: fc.Arbitrary<IrRequest> = fc.record({
    model: fc.constant('client-model'),
    system: fc.array(word.map((text) => ({ type: 'text' as const, text })), { maxLength: 2 }),
    messages: fc.array(word, { minLength: 1, maxLength: 5 }).map((texts) =>
      texts.map((text, i) => ({ role: i % 2 === 0 ? ('user' as const) : ('assistant' as const), parts: [{ type: 'text' as const, text }] })),
    ),
    stream: fc.boolean(),
    maxTokens: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
    temperature: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
    topP: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    stop: fc.option(fc.array(word, { minLength: 1, maxLength: 4 }), { nil: undefined }),
  }, { requiredKeys: ['model', 'system', 'messages', 'stream'] });

  it('upstream: encodeRequest turns valid IR into a body the chat completions API accepts', () => {
    fc.assert(
      fc.property(irRequest, (request) => {
        const encoded = openAIUpstreamCodec.encodeRequest(request, testContext());
        expect(chatRequestProblems(encoded.body)).toEqual([]);
      }),
      params,
    );
  });

  /** Valid IR answers: text, tool calls and signed thinking parts with odd text (lone surrogates, CR/LF, NUL). */
  const oddText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\ud800', 'a\r\nb', '\u0000', 'é日本'));
  const irPart = fc.oneof(
    oddText.map((text): IrPart => ({ type: 'text', text })),
    fc
      .tuple(fc.nat({ max: 999 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }))
      .map(([n, args]): IrPart => ({ type: 'tool_call', id: `call_${n}`, name: 'get_weather', arguments: args })),
    oddText.map((text): IrPart => ({ type: 'thinking', text, signature: 'c2lnbmF0dXJl' })),
  );
  const irResponse: fc.Arbitrary<IrResponse> = fc.record({
    id: fc.constant('resp_1'),
    model: fc.constant('client-model'),
    created: fc.nat(),
    parts: fc.array(irPart, { maxLength: 4 }),
    stopReason: fc.constantFrom<IrStopReason>('end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'content_filter', 'pause', 'other'),
    usage: fc.record({ inputTokens: fc.nat(), outputTokens: fc.nat() }),
  });

  /** The response as a stream in the IR grammar: start, one block per part (deltas in two pieces), finish. */
  function eventsOf(response: IrResponse): IrStreamEvent[] {
    const events: IrStreamEvent[] = [{ type: 'start', id: response.id, model: response.model, created: response.created }];
    response.parts.forEach((part, index) => {
      const halves = (text: string) => [text.slice(0, text.length >> 1), text.slice(text.length >> 1)];
      if (part.type === 'text') {
        events.push({ type: 'block_start', index, block: { type: 'text' } }, ...halves(part.text).map((text): IrStreamEvent => ({ type: 'text_delta', index, text })));
      } else if (part.type === 'tool_call') {
        events.push(
          { type: 'block_start', index, block: { type: 'tool_call', id: part.id, name: part.name } },
          ...halves(JSON.stringify(part.arguments)).map((json): IrStreamEvent => ({ type: 'tool_args_delta', index, json })),
        );
      } else if (part.type === 'thinking') {
        events.push(
          { type: 'block_start', index, block: { type: 'thinking' } },
          ...halves(part.text).map((text): IrStreamEvent => ({ type: 'thinking_delta', index, text })),
          { type: 'signature_delta', index, signature: part.signature ?? '' },
        );
      }
      events.push({ type: 'block_stop', index });
    });
    events.push({ type: 'finish', stopReason: response.stopReason, usage: response.usage });
    return events;
  }

  /** The `data:` payloads of an SSE text, each JSON or `[DONE]`. */
  function ssePayloads(text: string): string[] {
    return text
      .split('\n\n')
      .filter((frame) => frame.trim() !== '')
      .map((frame) => frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'));
  }

  it('chat: encodeResponse and the stream encoder turn valid IR into chat.completion JSON and chunks ending in [DONE]', () => {
    fc.assert(
      fc.property(irResponse, fc.boolean(), (response, includeUsage) => {
        const body = JSON.parse(JSON.stringify(openAIChatCodec.encodeResponse(response))) as Record<string, unknown>;
        expect(body['object']).toBe('chat.completion');
        const encoder = openAIChatCodec.createStreamEncoder({ includeUsage });
        const payloads = ssePayloads(eventsOf(response).map((event) => encoder.encode(event)).join(''));
        expect(payloads.at(-1)).toBe('[DONE]');
        for (const payload of payloads.slice(0, -1)) expect((JSON.parse(payload) as Record<string, unknown>)['object']).toBe('chat.completion.chunk');
      }),
      params,
    );
  });

  it('completions: encodeResponse and the stream encoder turn valid IR into text_completion JSON and chunks ending in [DONE]', () => {
    fc.assert(
      fc.property(irResponse, (response) => {
        const body = JSON.parse(JSON.stringify(openAICompletionsCodec.encodeResponse(response))) as Record<string, unknown>;
        expect(body['object']).toBe('text_completion');
        const encoder = openAICompletionsCodec.createStreamEncoder({ includeUsage: false });
        const payloads = ssePayloads(eventsOf(response).map((event) => encoder.encode(event)).join(''));
        expect(payloads.at(-1)).toBe('[DONE]');
        for (const payload of payloads.slice(0, -1)) expect((JSON.parse(payload) as Record<string, unknown>)['object']).toBe('text_completion');
      }),
      params,
    );
  });
});
