import { describe, expect, it } from '@jest/globals';
import { clientFacts, upstreamFacts } from './answer-facts.spec-helper.js';
import { expectSuccessfulStream, replay } from './client-stream-wire.spec-helper.js';
import { TRANSLATED_PAIRS, type UpstreamFamily } from './families.spec-helper.js';
import { GoldenFiles, goldenNormaliser } from './golden-files.spec-helper.js';
import { expectedClientFacts } from './mapping-oracle.spec-helper.js';
import { accumulateOllamaStream } from './ollama-accumulation.spec-helper.js';
import { expectOwnFamilyAgrees } from './own-family-agreement.spec-helper.js';
import { translateRequest, translateStream } from './pipeline.spec-helper.js';
import { answerScenarios, streamingRequest, upstreamAnswer } from './scenarios.spec-helper.js';
import { replayAnthropic, replayOpenAIChat, replayOpenAIResponses } from './sdk-replay.spec-helper.js';

// Streams, every translated pair: the upstream family's stream fixture -> upstream stream decoder (fed
// in small odd-sized chunks) -> client stream encoder -> the client's official SDK accumulator, compared
// as the complete answers are; the client stream is recorded in golden/<pair>/<scenario>.stream.sse.

const golden = new GoldenFiles(process.env['UPDATE_GOLDEN'] === '1');

/** What the upstream's own stream adds up to, read the way its own clients read it. */
async function upstreamStreamAnswer(upstream: UpstreamFamily, bytes: Buffer): Promise<unknown> {
  const text = bytes.toString('utf8');
  if (upstream === 'openai') return replayOpenAIChat(text);
  if (upstream === 'anthropic') return replayAnthropic(text);
  if (upstream === 'openai-responses') return replayOpenAIResponses(text);
  return accumulateOllamaStream(bytes);
}

describe.each(TRANSLATED_PAIRS)('$name: streams', (pair) => {
  const scenarios = answerScenarios(pair.client).filter((scenario) => upstreamAnswer(pair.upstream, scenario, pair.client) !== undefined);
  const normalise = goldenNormaliser(pair.upstream);

  it.each(scenarios)('%s: the SDK assembles what the upstream streamed; the wire keeps the format’s rules', async (scenario) => {
    const upstream = upstreamAnswer(pair.upstream, scenario, pair.client);
    if (upstream === undefined) throw new Error('filtered above');
    const request = streamingRequest(pair.client, scenario);
    const clientModel = String(request['model']);
    // As the app does: the client's encoder shows usage when the decoded request asked for it.
    const { ir } = translateRequest(pair, request);
    const includeUsage = ir.streamUsage === true;

    const sse = translateStream(pair, upstream.stream, { clientModel, includeUsage, request: ir });
    golden.check(`${pair.name}/${scenario}.stream.sse`, normalise(sse));
    // Where the TCP chunks fall changes nothing.
    expect(normalise(translateStream(pair, upstream.stream, { clientModel, includeUsage, request: ir, whole: true }))).toBe(normalise(sse));
    expectSuccessfulStream(pair.client, sse, clientModel, includeUsage);

    const final = await replay(pair.client, sse);
    const facts = clientFacts(pair.client, final);
    const withUsage = pair.client === 'anthropic-messages' || pair.client === 'openai-responses' || includeUsage;
    expect(facts).toEqual(expectedClientFacts(pair.client, pair.upstream, upstreamFacts(pair.upstream, await upstreamStreamAnswer(pair.upstream, upstream.stream)), withUsage));
    expect(final).toMatchObject({ model: clientModel });
    expectOwnFamilyAgrees(pair.client, scenario, facts);
  });

  // Responses streams always carry usage (in the terminal event): only chat and completions have the switch.
  if (pair.client === 'openai-chat' || pair.client === 'openai-completions') {
    it.each([true, false])('basic with include_usage %s: the usage chunk exactly when asked (§6 #5)', async (includeUsage) => {
      const upstream = upstreamAnswer(pair.upstream, 'basic', pair.client);
      if (upstream === undefined) throw new Error('every upstream has a basic stream');
      const clientModel = String(streamingRequest(pair.client, 'basic')['model']);
      const sse = translateStream(pair, upstream.stream, { clientModel, includeUsage });
      expectSuccessfulStream(pair.client, sse, clientModel, includeUsage);
      const facts = clientFacts(pair.client, await replay(pair.client, sse));
      const expected = expectedClientFacts(pair.client, pair.upstream, upstreamFacts(pair.upstream, await upstreamStreamAnswer(pair.upstream, upstream.stream)), includeUsage);
      expect(facts.usage).toEqual(expected.usage);
    });
  }
});
