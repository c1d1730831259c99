import { describe, expect, it } from '@jest/globals';
import type { RouterConfig } from '@llm-router/config';
import { parseConfig } from '@llm-router/config';
import { configuredSecrets, userinfoSecrets } from './configured-secrets.js';

function config(yaml: string): RouterConfig {
  return parseConfig(yaml, 'test.yaml', { env: {} });
}

describe('configuredSecrets', () => {
  it('collects api keys, header-rule values (global and per model) and endpoint userinfo', () => {
    const secrets = configuredSecrets(
      config(
        [
          'header_rules:',
          '  add_headers: {X-Global: global-secret-value}',
          'models:',
          '  a:',
          '    provider: openai',
          '    api_key: sk-model-key-123456',
          '    endpoint: https://bob:p%40ssword-x@10.0.0.1:8080/v1',
          '    header_rules:',
          '      force_headers: {X-Secret: forced-secret-value}',
          '  b:',
          '    provider: echo',
          '',
        ].join('\n'),
      ),
    );
    expect(secrets).toEqual(
      expect.arrayContaining(['global-secret-value', 'sk-model-key-123456', 'forced-secret-value', 'p%40ssword-x', 'p@ssword-x', 'bob:p@ssword-x', Buffer.from('bob:p@ssword-x').toString('base64')]),
    );
  });

  it('does not treat protocol metadata set by header rules as secrets', () => {
    const secrets = configuredSecrets(
      config('header_rules:\n  force_headers: {Content-Type: application/json, anthropic-beta: prompt-caching-2024-07-31, X-Token: real-secret-value}\nmodels:\n  m: {provider: echo}\n'),
    );
    expect(secrets).toEqual(['real-secret-value']);
  });

  it('finds nothing in a URL without userinfo, or in something that is no URL', () => {
    expect(userinfoSecrets('https://api.openai.com/v1')).toEqual([]);
    expect(userinfoSecrets('not a url')).toEqual([]);
  });
});
