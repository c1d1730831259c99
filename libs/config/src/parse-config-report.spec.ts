import { describe, expect, it } from '@jest/globals';
import { parseConfigReport } from './parse-config.js';

const parse = (yaml: string, env: Record<string, string> = {}) => parseConfigReport(yaml, '<test>', { env });

describe('parseConfigReport', () => {
  it('a valid file: ok, with the config', () => {
    const report = parse('models:\n  m: {provider: echo}\n');
    expect(report.ok).toBe(true);
    expect(report.ok && report.config.models['m']?.provider).toBe('echo');
  });

  it('an invalid file: every problem, and the config of the valid parts (valid models, valid global sections)', () => {
    const report = parse(
      [
        'server: {port: eighty}',
        'header_rules: {drop_headers: ["/x(/"]}',
        'transformations:',
        '  - {name: bad, type: regex_replace, pattern: "(unclosed", replacement: x}',
        'models:',
        '  broken: {provider: openai, endpoint: "http://127.0.0.1:9/v1", tiemout: 5}',
        '  "dotted.name": {provider: no-such-provider, retry_config: {max_retries: -1}}',
        '  dotted: {provider: no-such-provider}',
        '  fine: {provider: echo, transformations: [{name: t, type: jsonpath_drop, path: "$.x"}]}',
        '',
      ].join('\n'),
    );
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems.map((p) => p.path).sort()).toEqual(['models.broken.tiemout', 'models.dotted.name.retry_config.max_retries', 'server.port']);
    // Schema-valid: compiling them (the app's job) finds the bad regexes and the unknown provider.
    expect(Object.keys(report.partial?.models ?? {}).sort()).toEqual(['dotted', 'fine']);
    expect(report.partial?.headerRules.dropHeaders).toEqual(['/x(/']);
    expect(report.partial?.transformations.map((t) => t.pattern)).toEqual(['(unclosed']);
    expect(report.partial?.server.port).toBe(8000);
  });

  it('a problem in a global section leaves it out of the partial config, models stay', () => {
    const report = parse('transformations: {not: a list}\nmodels:\n  m: {provider: echo}\n');
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems.map((p) => p.path)).toEqual(['transformations']);
    expect(report.partial?.transformations).toEqual([]);
    expect(Object.keys(report.partial?.models ?? {})).toEqual(['m']);
  });

  it('an unset ${VAR} in a model leaves that model out', () => {
    const report = parse('models:\n  a: {provider: openai, api_key: "${SURELY_UNSET}"}\n  b: {provider: echo}\n');
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems.map((p) => p.path)).toEqual(['models.a.api_key']);
    expect(Object.keys(report.partial?.models ?? {})).toEqual(['b']);
  });

  it('nothing to salvage: no partial config (YAML syntax, no valid model)', () => {
    const syntax = parse('models: [\n');
    expect(syntax.ok === false && syntax.partial).toBeUndefined();
    const noModel = parse('models:\n  a: {provider: echo, tiemout: 1}\n');
    expect(noModel.ok).toBe(false);
    expect(noModel.ok === false && noModel.partial).toBeUndefined();
  });
});
