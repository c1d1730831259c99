import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { parseConfig } from './parse-config.js';

/** The problems `parseConfig` throws for `yaml` (with `env`); fails the test when it does not throw. */
function problemsOf(yaml: string, env: Record<string, string> = {}): ConfigProblem[] {
  try {
    parseConfig(yaml, 'test.yaml', { env });
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const LINE_BREAK = 'contains a line break (not allowed in a header value)';
const BAD_CHARACTER = 'contains a character not allowed in a header value (control characters, or beyond Latin-1)';

describe('values the router sends as headers are valid header values (boot errors, not header injection)', () => {
  it('rejects an api_key with a line break, naming the path', () => {
    expect(problemsOf('models:\n  gpt-4:\n    provider: openai\n    api_key: "sk-abc\\r\\nx-injected: 1"\n')).toEqual([
      { path: 'models.gpt-4.api_key', message: LINE_BREAK },
    ]);
  });

  it('rejects an api_key with a line break that comes from the environment', () => {
    expect(problemsOf('models:\n  gpt-4:\n    provider: openai\n    api_key: ${KEY}\n', { KEY: 'sk-abc\nx-injected: 1' })).toEqual([
      { path: 'models.gpt-4.api_key', message: LINE_BREAK },
    ]);
  });

  it('rejects header-rule values with line breaks, control characters or non-Latin-1 text, global and per model', () => {
    const yaml = [
      'header_rules:',
      '  add_headers: {X-Team: "a\\nb"}',
      'models:',
      '  m:',
      '    provider: openai',
      '    header_rules:',
      '      force_headers: {X-Secret: "nul\\u0000here", X-Name: "名前", X-Fine: "café ok"}',
      '',
    ].join('\n');
    expect(problemsOf(yaml)).toEqual(
      expect.arrayContaining([
        { path: 'header_rules.add_headers.X-Team', message: LINE_BREAK },
        { path: 'models.m.header_rules.force_headers.X-Secret', message: BAD_CHARACTER },
        { path: 'models.m.header_rules.force_headers.X-Name', message: BAD_CHARACTER },
      ]),
    );
    expect(problemsOf(yaml)).toHaveLength(3);
  });

  it('rejects an endpoint with whitespace or control characters (the URL parser would drop them silently)', () => {
    expect(problemsOf('models:\n  m:\n    provider: openai\n    endpoint: "https://api.example.com/v1\\n"\n')).toEqual([
      { path: 'models.m.endpoint', message: 'must not contain whitespace or control characters' },
    ]);
  });

  it('accepts ordinary keys, header values and endpoints with userinfo', () => {
    const config = parseConfig(
      'models:\n  m:\n    provider: openai\n    api_key: sk-abc123\n    endpoint: https://user:pa%40ss@h.example/v1\n    header_rules:\n      add_headers: {X-A: "v; q=1"}\n',
      'test.yaml',
      { env: {} },
    );
    expect(config.models['m']).toMatchObject({ apiKey: 'sk-abc123', endpoint: 'https://user:pa%40ss@h.example/v1' });
  });
});
