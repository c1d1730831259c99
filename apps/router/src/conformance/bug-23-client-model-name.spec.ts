import { describe, expect, it } from '@jest/globals';
import { clientFrames } from './client-stream-wire.spec-helper.js';
import { conformanceContext } from './conformance-context.spec-helper.js';
import { TRANSLATED_PAIRS, UPSTREAM_MODELS, upstreamCodec } from './families.spec-helper.js';
import { translateResponse, translateStream } from './pipeline.spec-helper.js';
import { upstreamAnswer } from './scenarios.spec-helper.js';

// §6 #23 (musistudio/claude-code-router #807): Claude Code showed zero context usage because the answer
// named the upstream's model, which it did not recognise. Every answer and every stream frame must show
// the name the client asked for, aliases included; the upstream's name (its configured one, or the
// snapshot it reports) appears nowhere.

const ALIAS = 'my-team-default';
const UPSTREAM_NAMES = ['gpt-4.1-mini-2025-04-14', 'claude-haiku-4-5-20251001', 'gpt-5-mini-2025-08-07', ...Object.values(UPSTREAM_MODELS)];

describe('§6 #23: the model shown is the client’s', () => {
  it.each(TRANSLATED_PAIRS)('$name: the decoder reports the upstream’s model; the encoders show the client’s, complete and streamed', (pair) => {
    const upstream = upstreamAnswer(pair.upstream, 'basic', pair.client);
    if (upstream === undefined) throw new Error('every upstream has a basic answer');
    // The IR answer names the upstream's model: showing the client's is the app's doing, through the encoders.
    expect(UPSTREAM_NAMES).toContain(upstreamCodec(pair.upstream).decodeResponse(upstream.response, conformanceContext(UPSTREAM_MODELS[pair.upstream])).model);

    const answer = translateResponse(pair, ALIAS, upstream.response);
    expect(answer).toMatchObject({ model: ALIAS });
    const sse = translateStream(pair, upstream.stream, { clientModel: ALIAS, includeUsage: true });
    for (const { data } of clientFrames(sse)) {
      if (data === '[DONE]') continue;
      const model = data['type'] === 'message_start' ? (data['message'] as { model: string }).model : data['model'];
      if (model !== undefined) expect(model).toBe(ALIAS);
    }
    for (const name of UPSTREAM_NAMES) {
      expect(JSON.stringify(answer)).not.toContain(`"${name}"`);
      expect(sse).not.toContain(`"${name}"`);
    }
  });
});
