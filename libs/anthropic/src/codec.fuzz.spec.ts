import { describe, expect, it } from '@jest/globals';
import { RouterError, type IrPart, type IrRequest, type IrResponse, type IrStopReason, type IrStreamEvent, type StreamDecoder } from '@llm-router/core';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { anthropicRequestProblem } from './anthropic-request-rules.spec-helper.js';
import { anthropicMessagesCodec, anthropicUpstreamCodec } from './index.js';
import { testContext } from './translation-context.spec-helper.js';

// Property-based proof that the Anthropic codecs are total: every decode entry point (client request ->
// IR, upstream answer -> IR, upstream stream -> IR events) either returns a JSON-serialisable value or
// throws a RouterError, never a TypeError/RangeError; encoders turn valid IR into bodies the real API
// accepts. Fixed seed (printed with any counterexample); FUZZ_RUNS=<n> and FUZZ_SEED=<n> run longer.
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

const fixtureBytes = (name: string): Buffer => readFileSync(new URL(`../../testing/fixtures/anthropic/${name}`, import.meta.url));
const fixtureJson = (name: string): unknown => JSON.parse(fixtureBytes(name).toString('utf8'));

const messagesRequests = ['basic.request.json', 'tools.followup.request.json', 'vision.request.json', 'thinking.stream.request.json', 'count_tokens.request.json'].map(fixtureJson);
const messagesResponses = ['basic.response.json', 'tools.response.json', 'thinking.response.json'].map(fixtureJson);
const chatStreams = ['basic.stream.sse', 'tools.stream.sse', 'thinking.stream.sse', 'error.midstream.sse'].map(fixtureBytes);

/** Corruptions of a valid SSE stream: bytes replaced by garbage (CR, NUL, invalid UTF-8, broken JSON). */
const corruptedStream = fc
  .tuple(fc.constantFrom(...chatStreams), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\r', '\u0000', '\xff', '{', 'event: content_block_delta\ndata: {"type":"content_block_delta","index":7', '\n\n', 'event: message_stop\n')), { maxLength: 5 }))
  .map(([bytes, edits]) => {
    let text = bytes.toString('latin1');
    for (const [at, garbage] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + garbage + text.slice(i + 1);
    }
    return Buffer.from(text, 'latin1');
  });

describe('Anthropic codecs under generated input', () => {
  it('messages: inspect and decodeRequest return a value or throw a RouterError', () => {
    fc.assert(
      fc.property(inputs(messagesRequests), (body) => {
        totalOrRouterError(() => anthropicMessagesCodec.inspect(body));
        totalOrRouterError(() => anthropicMessagesCodec.decodeRequest(body, testContext()));
      }),
      params,
    );
  });

  it('upstream: decodeResponse returns a value or throws a RouterError', () => {
    fc.assert(
      fc.property(inputs(messagesResponses), (body) => totalOrRouterError(() => anthropicUpstreamCodec.decodeResponse(body, testContext()))),
      params,
    );
  });

  it('upstream: the stream decoder survives any split of a valid stream and corrupted frames', () => {
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...chatStreams), corruptedStream), cuts, (bytes, at) => decodeStream(anthropicUpstreamCodec.createStreamDecoder(testContext()), bytes, at)),
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

  it('upstream: encodeRequest turns valid IR into a body the Messages API accepts', () => {
    fc.assert(
      fc.property(irRequest, (request) => {
        const encoded = anthropicUpstreamCodec.encodeRequest(request, testContext());
        expect(anthropicRequestProblem(encoded.body)).toBeUndefined();
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

  it('messages: encodeResponse and the stream encoder turn valid IR into a message and frames ending in message_stop', () => {
    fc.assert(
      fc.property(irResponse, (response) => {
        const body = JSON.parse(JSON.stringify(anthropicMessagesCodec.encodeResponse(response))) as Record<string, unknown>;
        expect(body['type']).toBe('message');
        const encoder = anthropicMessagesCodec.createStreamEncoder({ includeUsage: false });
        const payloads = ssePayloads(eventsOf(response).map((event) => encoder.encode(event)).join(''));
        const types = payloads.map((payload) => (JSON.parse(payload) as Record<string, unknown>)['type']);
        expect(types[0]).toBe('message_start');
        expect(types.at(-1)).toBe('message_stop');
      }),
      params,
    );
  });
});
