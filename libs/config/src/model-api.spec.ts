import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { parseConfig } from './parse-config.js';

function problemsOf(yaml: string): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', { env: {} });
  } catch (error) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('models.<name>.api', () => {
  it('defaults to auto, and takes chat or responses on an openai model', () => {
    const config = parseConfig('models:\n  a: {provider: openai}\n  codex: {provider: openai, api: responses}\n  b: {provider: openai, api: chat}\n', 'test.yaml', { env: {} });
    expect(config.models['a']?.api).toBe('auto');
    expect(config.models['codex']?.api).toBe('responses');
    expect(config.models['b']?.api).toBe('chat');
  });

  it('refuses another value, naming the path', () => {
    expect(problemsOf('models:\n  m: {provider: openai, api: completions}\n')).toEqual([{ path: 'models.m.api', message: 'must be one of auto, chat, responses' }]);
    expect(problemsOf('models:\n  m: {provider: openai, api: 1}\n')).toEqual([{ path: 'models.m.api', message: 'must be one of auto, chat, responses' }]);
  });

  it('refuses the key on a provider other than openai, saying so', () => {
    expect(problemsOf('models:\n  m: {provider: anthropic, api: responses}\n')).toEqual([
      { path: 'models.m.api', message: 'only for provider openai (the anthropic provider has one API; remove the key)' },
    ]);
  });
});
