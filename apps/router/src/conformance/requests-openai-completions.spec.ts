import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '@llm-router/testing';
import { pair, UPSTREAM_MODELS } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { refusalOf } from './refusal.spec-helper.js';
import { clientRequest, type JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// A legacy completions client's requests (§5.11): raw to Ollama's /api/generate, as one user turn to
// Anthropic; what neither can honour is a 400 naming the field (§5.10).

const toAnthropic = pair('openai-completions', 'anthropic');
const toOllama = pair('openai-completions', 'ollama');

describe('openai-completions -> ollama: request fields', () => {
  it('basic: the Ollama generate fixture is the translation, plus the log probabilities asked for (with a warning)', () => {
    const { encoded, context } = translateRequest(toOllama, clientRequest('openai-completions', 'basic'));
    const ollamaFixture = readFixtureJson<JsonBody>('ollama/generate.request.json');
    expect(encoded.body).toEqual({ ...ollamaFixture, model: UPSTREAM_MODELS.ollama, logprobs: true, top_logprobs: 2 });
    expect(context.warnings).toEqual([expect.stringMatching(/^logprobs: /)]);
  });

  it('a suffix is sent (without raw mode, so the model’s fill-in-the-middle template applies); echo is refused', () => {
    const body = { ...clientRequest('openai-completions', 'basic-stream'), suffix: '\nThe end.' };
    const { encoded } = translateRequest(toOllama, body);
    expect(upstreamProblem('ollama', encoded)).toBeUndefined();
    expect(encoded.body).toMatchObject({ prompt: 'Write a haiku about rain:\n', suffix: '\nThe end.', raw: false });
    expect(refusalOf(() => translateRequest(toOllama, { ...body, echo: true }))).toMatchObject({ status: 400, param: 'echo' });
  });
});

describe('openai-completions -> anthropic: request fields', () => {
  it('basic without logprobs: the prompt is the one user turn (a lossy continuation: warned), limits mapped', () => {
    const { logprobs: _logprobs, ...body } = clientRequest('openai-completions', 'basic');
    const { encoded, context } = translateRequest(toAnthropic, body);
    expect(upstreamProblem('anthropic', encoded)).toBeUndefined();
    expect(encoded.body).toEqual({
      model: UPSTREAM_MODELS.anthropic,
      max_tokens: 7,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'The capital of France is' }] }],
      stream: false,
      temperature: 0,
      stop_sequences: ['\n'],
    });
    expect(context.warnings).toEqual([expect.stringMatching(/^prompt: /)]);
  });

  it('suffix and echo have no chat form: 400 naming them', () => {
    const body = clientRequest('openai-completions', 'basic-stream');
    expect(refusalOf(() => translateRequest(toAnthropic, { ...body, suffix: 'x' }))).toMatchObject({ status: 400, param: 'suffix' });
    expect(refusalOf(() => translateRequest(toAnthropic, { ...body, echo: true }))).toMatchObject({ status: 400, param: 'echo' });
  });
});
