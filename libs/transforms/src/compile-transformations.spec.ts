import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@llm-router/core';
import { compileTransformations } from './compile-transformations.js';
import type { TransformationRule } from './transformation-rule.js';

function problemsOf(run: () => unknown): readonly { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const replace = (name: string, pattern: string, replacement: string, flags?: string[]): TransformationRule => ({
  name,
  type: 'regex_replace',
  enabled: true,
  pattern,
  replacement,
  flags,
});

describe('compileTransformations', () => {
  it('keeps enabled rules of every layer in order, global first', () => {
    const compiled = compileTransformations([
      { path: 'transformations', rules: [replace('g1', 'a', 'b'), { name: 'g2', type: 'jsonpath_drop', enabled: true, path: '$.user' }] },
      { path: 'models.gpt-4.transformations', rules: [{ name: 'm1', type: 'jsonpath_add', enabled: true, path: '$.metadata.team', value: 'ml' }] },
    ]);
    expect(compiled.rules.map((rule) => `${rule.type}:${rule.name}`)).toEqual(['regex_replace:g1', 'jsonpath_drop:g2', 'jsonpath_add:m1']);
  });

  it('skips disabled rules entirely, without validating them', () => {
    const compiled = compileTransformations([
      {
        path: 'transformations',
        rules: [
          { ...replace('broken', '(', 'x', ['VERBOSE']), enabled: false },
          { name: 'no-path', type: 'jsonpath_drop', enabled: false },
          replace('ok', 'a', 'b'),
        ],
      },
    ]);
    expect(compiled.rules.map((rule) => rule.name)).toEqual(['ok']);
  });

  it('compiles regexes once, global, with the mapped flags and JS replacement syntax', () => {
    const [rule] = compileTransformations([{ path: 't', rules: [replace('r', '(\\w+)@(\\w+)', '\\2 at \\g<1>', ['IGNORECASE', 'ms'])] }]).rules;
    expect(rule).toMatchObject({ type: 'regex_replace', replacement: '$02 at $01' });
    expect(rule?.type === 'regex_replace' ? rule.regex.flags : '').toBe('gims');
  });

  it('splits a plain jsonpath_add path into steps and a wildcard one into a parent query and a last step', () => {
    const compiled = compileTransformations([
      {
        path: 't',
        rules: [
          { name: 'plain', type: 'jsonpath_add', enabled: true, path: "$.metadata['tags'][0]", value: 'x' },
          { name: 'query', type: 'jsonpath_add', enabled: true, path: '$.messages[*].meta', value: {} },
        ],
      },
    ]);
    expect(compiled.rules[0]).toMatchObject({
      parentQuery: undefined,
      steps: [
        { key: 'metadata', index: false },
        { key: 'tags', index: false },
        { key: '0', index: true },
      ],
    });
    expect(compiled.rules[1]).toMatchObject({ parentQuery: '$.messages[*]', steps: [{ key: 'meta', index: false }] });
  });

  it('names regex, flag and replacement problems by path and rule', () => {
    expect(
      problemsOf(() =>
        compileTransformations([
          {
            path: 'transformations',
            rules: [
              replace('ok', 'a', 'b'),
              replace('redact-emails', '[a-z+@', '<email>'),
              replace('flags', 'a', 'b', ['i', 'VERBOSE', 'Q']),
              replace('groups', '(a)(?<word>b)', '\\3 \\g<word> \\g<nope>'),
              replace('python-named', '(?P<user>\\w+)', '\\g<user>'),
              replace('inline', '(?i)secret', '***'),
            ],
          },
        ]),
      ),
    ).toEqual([
      { path: 'transformations[1].pattern', message: "invalid regex in rule 'redact-emails': Unterminated character class" },
      { path: 'transformations[2].flags[1]', message: "unsupported flag 'VERBOSE' in rule 'flags' (JS regular expressions have no verbose mode)" },
      { path: 'transformations[2].flags[2]', message: "unknown flag 'Q' in rule 'flags'" },
      { path: 'transformations[3].replacement', message: "replacement refers to group 3, which the pattern lacks, in rule 'groups'" },
      {
        path: 'transformations[4].pattern',
        message: "invalid regex in rule 'python-named': Invalid group (Python named groups (?P<name>...) are written (?<name>...) in JS)",
      },
      { path: 'transformations[5].pattern', message: "invalid regex in rule 'inline': Invalid group (inline flags like (?i) are not supported; use the flags field)" },
    ]);
  });

  it('reports a pattern that is only invalid under the unicode flag', () => {
    expect(problemsOf(() => compileTransformations([{ path: 't', rules: [replace('u', '\\-', 'x', ['UNICODE'])] }]))).toEqual([
      { path: 't[0].pattern', message: "invalid regex in rule 'u': Invalid escape" },
    ]);
  });

  it('reports missing fields for the rule type, and unknown types', () => {
    expect(
      problemsOf(() =>
        compileTransformations([
          {
            path: 'models.gpt-4.transformations',
            rules: [
              { name: 'r', type: 'regex_replace', enabled: true },
              { name: 'd', type: 'jsonpath_drop', enabled: true },
              { name: 'a', type: 'jsonpath_add', enabled: true },
              JSON.parse('{"name":"t","type":"jsonpath_set","enabled":true}') as TransformationRule,
            ],
          },
        ]),
      ),
    ).toEqual([
      { path: 'models.gpt-4.transformations[0].pattern', message: "missing pattern in rule 'r' (required for regex_replace)" },
      { path: 'models.gpt-4.transformations[0].replacement', message: "missing replacement in rule 'r' (required for regex_replace)" },
      { path: 'models.gpt-4.transformations[1].path', message: "missing path in rule 'd' (required for jsonpath_drop)" },
      { path: 'models.gpt-4.transformations[2].path', message: "missing path in rule 'a' (required for jsonpath_add)" },
      { path: 'models.gpt-4.transformations[2].value', message: "missing value in rule 'a' (required for jsonpath_add)" },
      { path: 'models.gpt-4.transformations[3].type', message: 'unknown type "jsonpath_set" in rule \'t\'' },
    ]);
  });

  it('accepts an empty replacement and a null value', () => {
    expect(compileTransformations([{ path: 't', rules: [replace('strip', '\\s+$', '')] }]).rules).toHaveLength(1);
    expect(compileTransformations([{ path: 't', rules: [{ name: 'n', type: 'jsonpath_add', enabled: true, path: '$.user', value: null }] }]).rules).toHaveLength(1);
  });

  it('names JSONPath problems by path and rule', () => {
    const add = (name: string, path: string, value: unknown = 1): TransformationRule => ({ name, type: 'jsonpath_add', enabled: true, path, value });
    const drop = (name: string, path: string): TransformationRule => ({ name, type: 'jsonpath_drop', enabled: true, path });
    expect(
      problemsOf(() =>
        compileTransformations([
          { path: 'transformations', rules: [drop('syntax', '$.messages['), drop('root', '$'), drop('filter', '$.messages[?(@.role ==)]')] },
          {
            path: 'models.m.transformations',
            rules: [add('root', '$'), add('ends-in-wildcard', '$.messages[*]'), add('descendant', '$..meta'), add('parent', '$.a^.b'), add('date', '$.when', new Date(0))],
          },
        ]),
      ),
    ).toEqual([
      { path: 'transformations[0].path', message: "invalid JSONPath in rule 'syntax': unexpected '' at position 11" },
      { path: 'transformations[1].path', message: "unsupported JSONPath in rule 'root': the root '$' cannot be dropped" },
      { path: 'transformations[2].path', message: "invalid JSONPath in rule 'filter': invalid filter [?(@.role ==)]: Expected expression after ==" },
      { path: 'models.m.transformations[0].path', message: "unsupported JSONPath in rule 'root': the root '$' cannot be replaced" },
      { path: 'models.m.transformations[1].path', message: "unsupported JSONPath in rule 'ends-in-wildcard': a jsonpath_add path must end in a name or an index" },
      { path: 'models.m.transformations[2].path', message: "unsupported JSONPath in rule 'descendant': a jsonpath_add path cannot end in a descendant (..) step" },
      { path: 'models.m.transformations[3].path', message: "unsupported JSONPath in rule 'parent': the parent selector ^ is not supported in jsonpath_add" },
      { path: 'models.m.transformations[4].value', message: "value in rule 'date' is not JSON (plain objects, arrays, strings, finite numbers, booleans, null)" },
    ]);
  });
});
