import { describe, expect, it } from '@jest/globals';
import { fixtureJson, rejection, testContext } from '../test-context.spec-helper.js';
import { decodeCompletionsRequest } from './decode-completions-request.js';

const decode = (body: unknown, context = testContext()) => decodeCompletionsRequest(body, context);

describe('decodeCompletionsRequest', () => {
  it('decodes basic.request.json: the prompt kept raw AND as the one user turn, integer logprobs as top, echo:false left out', () => {
    const context = testContext();
    expect(decode(fixtureJson('openai-completions/basic.request.json'), context)).toEqual({
      model: 'gpt-3.5-turbo-instruct',
      system: [],
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'The capital of France is' }] }],
      completion: { prompt: 'The capital of France is' },
      maxTokens: 7,
      temperature: 0,
      stop: ['\n'],
      logprobs: { top: 2 },
      stream: false,
    });
    expect(context.warnings).toEqual([]);
  });

  it('decodes stream.request.json: suffix:null is absent, no usage asked', () => {
    const ir = decode(fixtureJson('openai-completions/stream.request.json'));
    expect(ir).toMatchObject({ stream: true, streamUsage: false, maxTokens: 12, temperature: 0.8, completion: { prompt: 'Write a haiku about rain:\n' } });
    expect(ir.completion).toEqual({ prompt: 'Write a haiku about rain:\n' });
  });

  it('passes suffix, echo, n, the shared knobs and include_usage on, and leaves an absent max_tokens undefined', () => {
    const ir = decode({
      model: 'm',
      prompt: ['def add(a, b):'],
      suffix: '\n\nprint(add(1, 2))',
      echo: true,
      n: 2,
      best_of: 1,
      seed: 7,
      top_p: 0.9,
      presence_penalty: 1,
      frequency_penalty: 1,
      user: 'u',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(ir).toMatchObject({
      completion: { prompt: 'def add(a, b):', suffix: '\n\nprint(add(1, 2))', echo: true },
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'def add(a, b):' }] }],
      n: 2,
      seed: 7,
      topP: 0.9,
      presencePenalty: 1,
      frequencyPenalty: 1,
      user: 'u',
      stream: true,
      streamUsage: true,
    });
    expect(ir.maxTokens).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['several prompts', ['a', 'b']],
    ['a token array', [1212, 318]],
    ['token arrays', [[1212], [318]]],
    ['an empty array', []],
  ])('refuses %s with a 400 naming prompt', (_case, prompt) => {
    expect(rejection(() => decode({ model: 'm', prompt }))).toMatchObject({ kind: 'invalid_request', status: 400, param: 'prompt' });
  });

  it('refuses best_of > 1 naming best_of, and drops logit_bias with a warning', () => {
    expect(rejection(() => decode({ model: 'm', prompt: 'p', best_of: 3 }))).toMatchObject({ status: 400, param: 'best_of' });
    const context = testContext();
    decode({ model: 'm', prompt: 'p', logit_bias: { '50256': -100 } }, context);
    expect(context.warnings).toEqual(['logit_bias: not supported by the upstream, dropped']);
  });
});
