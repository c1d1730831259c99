import { describe, expect, it } from '@jest/globals';
import { RouterError, type IrRequest, type IrStreamEvent, type StreamDecoder } from '@llm-router/core';
import fc from 'fast-check';
import { expectStreamGrammar, ollamaFixture, ollamaFixtureJson, testContext } from './codec.spec-helper.js';
import { ollamaUpstreamCodec } from './index.js';

// Property-based proof that the Ollama codec is total: every decode entry point (upstream answer ->
// IR, upstream NDJSON stream -> IR events) either returns a JSON-serialisable value or
// throws a RouterError, never a TypeError/RangeError; the encoder turns valid IR into /api/chat or
// /api/generate bodies that survive JSON. Fixed seed (printed with any counterexample); FUZZ_RUNS=<n> and FUZZ_SEED=<n> run longer.
// The generators are local: a family lib may not import @llm-router/testing (module boundaries).

const runs = Number(process.env['FUZZ_RUNS'] ?? '') || 1000;
const params = { seed: Number(process.env['FUZZ_SEED'] ?? '') || 20_261_201, numRuns: runs };

/** Keys aimed at prototype pollution and at field names echoed into messages and headers. */
const oddKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'a\r\nb', 'é', '\u0000'), fc.string({ unit: 'binary', maxLength: 8 }));
/** Leaves of every JSON type, with the values JSON.parse produces from odd text (1e400 -> Infinity is not JSON, -0 is). */
const oddLeaf = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1e308, 2 ** 53 + 1, 0.5, '', '\u0000', '\ud800', 'x\udfff', 'a\r\nb', 'é日本', 'NaN', 'Infinity', '-0', '1e400'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
/** Small JSON values of odd leaves; objects may carry own `__proto__` keys (as JSON.parse makes them). */
const oddJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;
/**
 * Nesting up to 5,000 deep (recursive walkers overflow the stack). Reported as `nested N deep`: fast-check's
 * own printer would overflow on it too and lose the counterexample.
 */
const deepJson = fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.boolean()).map(([depth, asArray]) => {
  const value: unknown = JSON.parse(asArray ? `${'['.repeat(depth)}0${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`);
  return Object.defineProperty(value, fc.toStringMethod, { value: () => `<${asArray ? 'arrays' : 'objects'} nested ${depth} deep>` });
});
const replacement = fc.oneof({ weight: 5, arbitrary: oddJson }, { weight: 1, arbitrary: deepJson });

/** `base` with the value at a random path (indexes taken modulo each container's size) replaced. */
function mutate(base: unknown, steps: readonly number[], value: unknown): unknown {
  if (steps.length === 0 || typeof base !== 'object' || base === null) return value;
  const [step = 0, ...rest] = steps;
  if (Array.isArray(base)) {
    if (base.length === 0) return [value];
    const copy = [...base];
    copy[step % copy.length] = mutate(copy[step % copy.length], rest, value);
    return copy;
  }
  const entries = Object.entries(base as Record<string, unknown>);
  if (entries.length === 0) return value;
  const at = step % entries.length;
  return Object.fromEntries(entries.map(([k, v], i) => [k, i === at ? mutate(v, rest, value) : v]));
}
const mutationOf = (fixtures: readonly unknown[]) =>
  fc.tuple(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 6 }), replacement).map(([base, steps, value]) => mutate(base, steps, value));
const inputs = (fixtures: readonly unknown[]) => fc.oneof({ weight: 4, arbitrary: mutationOf(fixtures) }, { weight: 1, arbitrary: replacement });

/** Runs `entry`: a JSON-serialisable value or a RouterError; anything else fails with its class and message. */
function totalOrRouterError(entry: () => unknown): void {
  let value: unknown;
  try {
    value = entry();
  } catch (error) {
    if (error instanceof RouterError) return;
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a RouterError`);
  }
  expect(() => JSON.stringify(value)).not.toThrow();
}

/** A stream decoder fed `bytes` cut at `cuts`: the events, or only RouterErrors; it must end in finish or error. */
function decodeStream(decoder: StreamDecoder, bytes: Buffer, cuts: readonly number[]): void {
  const events: IrStreamEvent[] = [];
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  totalOrRouterError(() => {
    for (const to of [...points, bytes.length]) {
      events.push(...decoder.push(bytes.subarray(from, to)));
      from = to;
    }
    events.push(...decoder.end());
    return events.map((e) => e.type);
  });
  if (events.length > 0) expect(['finish', 'error']).toContain(events.at(-1)?.type);
}

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
