import { describe, expect, it } from '@jest/globals';
import { clientFacts, upstreamFacts } from './answer-facts.spec-helper.js';
import { TRANSLATED_PAIRS } from './families.spec-helper.js';
import { GoldenFiles, goldenNormaliser } from './golden-files.spec-helper.js';
import { expectedClientFacts } from './mapping-oracle.spec-helper.js';
import { expectOwnFamilyAgrees } from './own-family-agreement.spec-helper.js';
import { translateRequest, translateResponse } from './pipeline.spec-helper.js';
import { answerScenarios, clientRequest, streamingRequest, upstreamAnswer } from './scenarios.spec-helper.js';

// Complete answers, every translated pair: the upstream family's answer fixture -> upstream
// decodeResponse -> client encodeResponse, compared with what must survive (§5.6, §5.7) and with the
// client family's own fixture for the same scenario; the output is recorded in golden/<pair>/<scenario>.response.json.

const golden = new GoldenFiles(process.env['UPDATE_GOLDEN'] === '1');

describe.each(TRANSLATED_PAIRS)('$name: complete answers', (pair) => {
  // OpenAI has no reasoning fixture: the thinking answer is tested where the upstream has one.
  const scenarios = answerScenarios(pair.client).filter((scenario) => upstreamAnswer(pair.upstream, scenario, pair.client) !== undefined);

  it.each(scenarios)('%s: text, tool calls, stop reason and usage survive; the model is the client’s', (scenario) => {
    const upstream = upstreamAnswer(pair.upstream, scenario, pair.client);
    if (upstream === undefined) throw new Error('filtered above');
    const clientModel = String(clientRequest(pair.client, 'basic')['model']);

    // As the app does: the client's encoder sees the decoded request (Responses echoes its parameters).
    const answer = translateResponse(pair, clientModel, upstream.response, translateRequest(pair, streamingRequest(pair.client, scenario)).ir);
    golden.json(`${pair.name}/${scenario}.response.json`, answer, goldenNormaliser(pair.upstream));

    const facts = clientFacts(pair.client, answer);
    expect(facts).toEqual(expectedClientFacts(pair.client, pair.upstream, upstreamFacts(pair.upstream, upstream.response)));
    expect(answer).toMatchObject({ model: clientModel });
    // Anthropic answers carry no timestamp: an OpenAI client gets the time of decoding (0 in the golden file).
    if (pair.upstream === 'anthropic' && pair.client !== 'anthropic-messages') {
      const { created, created_at: createdAt } = answer as { created?: number; created_at?: number };
      expect(Math.abs((created ?? createdAt ?? 0) - Date.now() / 1000)).toBeLessThan(60);
    }
    expectOwnFamilyAgrees(pair.client, scenario, facts);
  });
});
