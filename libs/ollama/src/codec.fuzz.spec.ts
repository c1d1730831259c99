import { describe, expect, it } from '@jest/globals';
import { type IrRequest, type IrStreamEvent } from '@llm-router/core';
import fc from 'fast-check';
import { decodeStream, fuzzParams, inputs, totalOrRouterError } from '@llm-router/testing';
import { expectStreamGrammar, ollamaFixture, ollamaFixtureJson, testContext } from './codec.spec-helper.js';
import { ollamaUpstreamCodec } from './index.js';

const params = fuzzParams(process.env);

// Property-based proof that the Ollama codec is total: every decode entry point (upstream answer ->
// IR, upstream NDJSON stream -> IR events) either returns a JSON-serialisable value or
// throws a RouterError, never a TypeError/RangeError; the encoder turns valid IR into /api/chat or
// /api/generate bodies that survive JSON. Fixed seed (printed with any counterexample); FUZZ_RUNS=<n> and FUZZ_SEED=<n> run longer.
// The generators and oracles are shared with the other family libs (@llm-router/testing).

const responses = ['chat.response.json', 'generate.response.json'].map(ollamaFixtureJson);
const streams = ['chat.stream.ndjson', 'chat.think.stream.ndjson', 'chat.tools.stream.ndjson', 'generate.stream.ndjson', 'error.midstream.ndjson'].map(ollamaFixture);

/** Corruptions of a valid NDJSON stream: bytes replaced by garbage (CR, NUL, invalid UTF-8, broken JSON). */
const corruptedStream = fc
  .tuple(fc.constantFrom(...streams), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\r', '\u0000', '\xff', '{', '{"message":{"content":', '\n\n', '{"done":true}\n')), { maxLength: 5 }))
  .map(([bytes, edits]) => {
    let text = bytes.toString('latin1');
    for (const [at, garbage] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + garbage + text.slice(i + 1);
    }
    return Buffer.from(text, 'latin1');
  });

describe('Ollama codec under generated input', () => {
  it('decodeResponse returns a value or throws a RouterError', () => {
    fc.assert(
      fc.property(inputs(responses), (body) => totalOrRouterError(() => ollamaUpstreamCodec.decodeResponse(body, testContext()))),
      params,
    );
  });

  it('the stream decoder survives any split of a valid stream and corrupted lines', () => {
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...streams), corruptedStream), cuts, (bytes, at) => decodeStream(ollamaUpstreamCodec.createStreamDecoder(testContext()), bytes, at)),
      params,
    );
  });

  it('a valid stream split anywhere decodes to events of the IR stream grammar', () => {
    fc.assert(
      fc.property(fc.constantFrom(...streams), fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const decoder = ollamaUpstreamCodec.createStreamDecoder(testContext());
        const events: IrStreamEvent[] = [];
        let from = 0;
        for (const to of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b).concat(bytes.length)) {
          events.push(...decoder.push(bytes.subarray(from, to)));
          from = to;
        }
        events.push(...decoder.end());
        expectStreamGrammar(events);
      }),
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

  it('encodeRequest turns valid IR into a JSON body with the model and a messages or prompt field', () => {
    fc.assert(
      fc.property(irRequest, (request) => {
        const encoded = ollamaUpstreamCodec.encodeRequest(request, testContext());
        expect(JSON.parse(JSON.stringify(encoded.body))).toEqual(encoded.body);
        expect(['/api/chat', '/api/generate']).toContain(encoded.path);
        expect(encoded.body['model']).toBe('llama3.2');
        expect(Array.isArray(encoded.body['messages']) || typeof encoded.body['prompt'] === 'string').toBe(true);
      }),
      params,
    );
  });
});
