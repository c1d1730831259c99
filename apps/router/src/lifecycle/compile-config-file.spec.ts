import { describe, expect, it } from '@jest/globals';
import { GotTransport } from '@llm-router/http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProviderRegistry } from '../routing/provider-registry.js';
import { compileConfigFile } from './compile-config-file.js';

function compileYaml(yaml: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'compile-config-')), 'config.yaml');
  writeFileSync(path, yaml);
  const http = new GotTransport();
  try {
    return compileConfigFile(path, { env: {} }, createProviderRegistry((headers) => headers), http);
  } finally {
    http.close();
  }
}

describe('compileConfigFile', () => {
  it('a valid file: the config and its routes', () => {
    const compiled = compileYaml('models:\n  m: {provider: echo}\n');
    expect(compiled.ok).toBe(true);
    expect(compiled.ok && [...compiled.routes.keys()]).toEqual(['m']);
  });

  it("reports the access policy's own problems (a USD budget on an unpriced model) with the others", () => {
    const compiled = compileYaml(
      [
        'auth:',
        '  keys:',
        '    - {name: team-a, key: team-a-router-key-0123456789, budget: {usd: 5, period: 30d}}',
        'models:',
        '  m: {provider: echo, tiemout: 5}',
        '  n: {provider: echo}',
        '',
      ].join('\n'),
    );
    expect(compiled.ok).toBe(false);
    const messages = compiled.ok ? [] : compiled.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^models\.m\.tiemout: unknown key/), expect.stringMatching(/pric/)]));
  });

  it('schema and compile problems in one round: the schema-valid parts are compiled too, each problem once', () => {
    const compiled = compileYaml(
      [
        'header_rules: {drop_headers: ["/x(/"]}',
        'models:',
        '  broken: {provider: openai, endpoint: "http://127.0.0.1:9/v1", tiemout: 5}',
        '  weird: {provider: no-such-provider}',
        '  a: {provider: echo, transformations: [{name: bad-regex, type: regex_replace, pattern: "(unclosed", replacement: x}]}',
        '  b: {provider: echo}',
        '',
      ].join('\n'),
    );
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.problems.map((p) => p.path).sort()).toEqual([
      'header_rules.drop_headers[0]',
      'models.a.transformations[0].pattern',
      'models.broken.tiemout',
      'models.weird.provider',
    ]);
  });

  it("rules of a model whose provider is unknown, and global rules when no model compiles, are compiled too", () => {
    const compiled = compileYaml(
      [
        'transformations: [{name: g, type: regex_replace, pattern: "(g", replacement: x}]',
        'models:',
        '  weird: {provider: no-such-provider, header_rules: {drop_headers: ["/(/"]}, transformations: [{name: m, type: jsonpath_drop, path: "$"}]}',
        '',
      ].join('\n'),
    );
    expect(compiled.ok === false && compiled.problems.map((p) => p.path).sort()).toEqual([
      'models.weird.header_rules.drop_headers[0]',
      'models.weird.provider',
      'models.weird.transformations[0].path',
      'transformations[0].pattern',
    ]);
  });

  it('an unreadable file: its one problem', () => {
    const compiled = compileConfigFile('/nonexistent-llm-router/config.yaml', { env: {} }, createProviderRegistry((h) => h), new GotTransport());
    expect(compiled.ok === false && compiled.problems.map((p) => p.path)).toEqual(['/nonexistent-llm-router/config.yaml']);
  });
});
