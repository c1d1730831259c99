import { describe, expect, it } from '@jest/globals';
import { TRANSLATED_PAIRS, UPSTREAM_MODELS, type Pair } from './families.spec-helper.js';
import { GoldenFiles } from './golden-files.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { refusalOf } from './refusal.spec-helper.js';
import { clientLimits, expectedUpstreamLimits, upstreamLimits } from './request-fields.spec-helper.js';
import { clientRequest, requestScenarios, type RequestScenario } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// Requests, every translated pair and every request fixture of the client family: client decodeRequest
// -> upstream encodeRequest -> a body the upstream's mock validator accepts, with the model, path, stream
// flag and limits right; recorded in golden/<pair>/<scenario>.request.json. The pair-specific fields
// (system placement, tool pairing and ids, images) are checked in requests-<client>.spec.ts.

const golden = new GoldenFiles(process.env['UPDATE_GOLDEN'] === '1');

/** Fixtures a pair must refuse with a 400 naming the field, before any upstream call (§5.10). */
const REFUSED: Readonly<Record<string, string>> = {
  // Anthropic has no log probabilities.
  'openai-completions--anthropic/basic': 'logprobs',
  // Ollama takes no image URLs (the app inlines them first when the model allows it; the codec never fetches).
  'openai-chat--ollama/vision': 'messages[0].content[2]',
  'anthropic-messages--ollama/vision': 'messages[0].content[1]',
  // The Responses API has no log probabilities in this answer shape.
  'openai-completions--openai-responses/basic': 'logprobs',
  // The IR position (the Ollama encoder names the IR message and part): input[0].content[2] of the client.
  'openai-responses--ollama/vision': 'messages[0].content[2]',
};

const PATHS: Readonly<Record<Pair['upstream'], string>> = { openai: '/chat/completions', anthropic: '/v1/messages', ollama: '/api/chat', 'openai-responses': '/responses' };

describe.each(TRANSLATED_PAIRS)('$name: requests', (pair) => {
  const scenarios = requestScenarios(pair.client);
  const accepted = scenarios.filter((scenario) => REFUSED[`${pair.name}/${scenario}`] === undefined);
  const refused = scenarios.filter((scenario) => REFUSED[`${pair.name}/${scenario}`] !== undefined);

  it.each(accepted)('%s: the upstream accepts the body; model, path, stream flag and limits are right', (scenario: RequestScenario) => {
    const body = clientRequest(pair.client, scenario);
    const { encoded } = translateRequest(pair, body);
    golden.json(`${pair.name}/${scenario}.request.json`, encoded.body);

    expect(upstreamProblem(pair.upstream, encoded)).toBeUndefined();
    expect(encoded.body['model']).toBe(UPSTREAM_MODELS[pair.upstream]);
    expect(encoded.path).toBe(pair.client === 'openai-completions' && pair.upstream === 'ollama' ? '/api/generate' : PATHS[pair.upstream]);
    expect(upstreamLimits(pair.upstream, encoded.body)).toEqual(expectedUpstreamLimits(pair.upstream, clientLimits(pair.client, body)));
    // The router always meters an OpenAI stream, whether or not the client asked for usage (§5.8 A).
    if (pair.upstream === 'openai') expect(encoded.body['stream_options']).toEqual(encoded.body['stream'] === true ? { include_usage: true } : undefined);
  });

  if (refused.length > 0) {
    it.each(refused)('%s: refused with a 400 naming the field the upstream cannot take', (scenario: RequestScenario) => {
      const refusal = refusalOf(() => translateRequest(pair, clientRequest(pair.client, scenario)));
      expect(refusal).toMatchObject({ kind: 'invalid_request', status: 400, param: REFUSED[`${pair.name}/${scenario}`] });
    });
  }
});
