import { describe, it } from '@jest/globals';
import { decodeStream, fuzzParams, inputs, totalOrRouterError } from '@llm-router/testing';
import fc from 'fast-check';
import { fixtureBytes, fixtureJson, testContext } from '../../test-context.spec-helper.js';
import { openAIResponsesUpstreamCodec } from './responses-upstream-codec.js';

const params = fuzzParams(process.env);

// Property-based proof that the Responses upstream decoders are total: a generated or corrupted answer
// either decodes or throws a RouterError, never a TypeError (the shared generators of @llm-router/testing).

const responses = ['basic', 'tools', 'reasoning'].map((name) => fixtureJson(`openai-responses/${name}.response.json`));
const streams = ['basic', 'tools', 'reasoning'].map((name) => fixtureBytes(`openai-responses/${name}.stream.sse`)).concat(fixtureBytes('openai-responses/error.midstream.sse'));

const corruptedStream = fc
  .tuple(fc.constantFrom(...streams), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\r', '\u0000', '\xff', '{', 'data: {"type":"response.output_item.done","item":', '\n\n', 'event: error\n')), { maxLength: 5 }))
  .map(([bytes, edits]) => {
    let text = bytes.toString('latin1');
    for (const [at, garbage] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + garbage + text.slice(i + 1);
    }
    return Buffer.from(text, 'latin1');
  });

describe('the Responses upstream codec under generated input', () => {
  it('decodeResponse returns a value or throws a RouterError', () => {
    fc.assert(
      fc.property(inputs(responses), (body) => totalOrRouterError(() => openAIResponsesUpstreamCodec.decodeResponse(body, testContext()))),
      params,
    );
  });

  it('the stream decoder survives any split of a valid stream and corrupted frames', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...streams), corruptedStream), fc.array(fc.nat(), { maxLength: 12 }), (bytes, at) =>
        decodeStream(openAIResponsesUpstreamCodec.createStreamDecoder(testContext()), bytes, at),
      ),
      params,
    );
  });
});
