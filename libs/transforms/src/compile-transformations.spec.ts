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
  describe('stages', () => {
    const layers = [
      {
        path: 'transformations',
        rules: [
          { name: 'req', type: 'jsonpath_drop', enabled: true, path: '$.user' },
          { name: 'ctx', type: 'jsonpath_add', enabled: true, path: '$.options.num_ctx', value: 32768, stage: 'upstream' },
          { name: 'explicit', type: 'jsonpath_drop', enabled: true, path: '$.a', stage: 'request' },
        ] satisfies TransformationRule[],
      },
      { path: 'models.llama.transformations', rules: [{ name: 'keep', type: 'jsonpath_add', enabled: true, path: '$.keep_alive', value: '30m', stage: 'upstream' }] satisfies TransformationRule[] },
    ];

    it('compiles the request stage by default (rules without a stage are request rules), the upstream stage on request', () => {
      expect(compileTransformations(layers).rules.map((rule) => rule.name)).toEqual(['req', 'explicit']);
      expect(compileTransformations(layers, { stage: 'request' }).rules.map((rule) => rule.name)).toEqual(['req', 'explicit']);
      expect(compileTransformations(layers, { stage: 'upstream' }).rules.map((rule) => rule.name)).toEqual(['ctx', 'keep']);
    });

    it("validates each rule in its own stage's compile, and an unknown stage once, in the request compile", () => {
      const broken = [
        {
          path: 'transformations',
          rules: [
            { name: 'bad-path', type: 'jsonpath_drop', enabled: true, path: '$[', stage: 'upstream' },
            { name: 'odd', type: 'jsonpath_drop', enabled: true, path: '$.a', stage: 'later' as unknown as 'upstream' },
          ] satisfies TransformationRule[],
        },
      ];
      expect(problemsOf(() => compileTransformations(broken)).map((problem) => problem.path)).toEqual(['transformations[1].stage']);
      expect(problemsOf(() => compileTransformations(broken, { stage: 'upstream' })).map((problem) => problem.path)).toEqual(['transformations[0].path']);
    });
  });

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

  it('compiles regexes once, keeping capture slots only for the groups the replacement uses', () => {
    const [rule] = compileTransformations([{ path: 't', rules: [replace('r', '(\\w+)@(\\w+)(!)', '\\2 at \\g<1>', ['IGNORECASE', 'ms'])] }]).rules;
    expect(rule?.type).toBe('regex_replace');
    if (rule?.type !== 'regex_replace') return;
    // Group 0 and the two used groups: 6 slots; group 3 has none. Slots 4-5 hold group 2, 2-3 group 1.
    expect(rule.regex.program.slotCount).toBe(6);
    expect(rule.regex.template).toEqual([4, ' at ', 2]);
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
              replace('flags', 'a', 'b', ['i', 'LOCALE', 'Q', 'UNICODE', 'ASCII']),
              replace('groups', '(a)(?P<word>b)', '\\3 \\g<word>'),
              replace('names', '(a)(?P<word>b)', '\\g<nope>'),
              replace('js-reference', '(a)', '$1'),
              replace('bad-escape', 'a\\qb', 'x'),
            ],
          },
        ]),
      ),
    ).toEqual([
      { path: 'transformations[1].pattern', message: "invalid regex in rule 'redact-emails': unterminated character set at position 0" },
      { path: 'transformations[2].flags[1]', message: "unsupported flag 'LOCALE' in rule 'flags' (LOCALE is for bytes patterns; DEBUG and TEMPLATE are not offered)" },
      { path: 'transformations[2].flags[2]', message: "unknown flag 'Q' in rule 'flags'" },
      { path: 'transformations[2].flags[4]', message: "flag 'ASCII' in rule 'flags': ASCII and UNICODE are incompatible" },
      { path: 'transformations[3].replacement', message: "invalid replacement in rule 'groups': invalid group reference 3" },
      { path: 'transformations[4].replacement', message: "invalid replacement in rule 'names': unknown group name 'nope'" },
      {
        path: 'transformations[5].replacement',
        message: "invalid replacement in rule 'js-reference': JS-style reference $1 at position 0: replacements use Python syntax (\\1, \\g<name>, \\g<0>)",
      },
      { path: 'transformations[6].pattern', message: "invalid regex in rule 'bad-escape': bad escape \\q at position 1" },
    ]);
  });

  it.each([
    ['(a)\\1', 'backreference \\1 is not supported (it needs backtracking)'],
    ['(?P<x>a)(?P=x)', 'backreference (?P=name) is not supported (it needs backtracking)'],
    ['a(?=b)', 'lookahead (?=...) is not supported (it needs backtracking)'],
    ['a(?!b)', 'negative lookahead (?!...) is not supported (it needs backtracking)'],
    ['(?<=a)b', 'lookbehind (?<=...) is not supported (it needs backtracking)'],
    ['(?<!a)b', 'negative lookbehind (?<!...) is not supported (it needs backtracking)'],
    ['(?>a+)b', 'atomic group (?>...) is not supported (it needs backtracking)'],
    ['a++', 'possessive quantifier ++ is not supported (it needs backtracking)'],
    ['a{2}+', 'possessive quantifier {2}+ is not supported (it needs backtracking)'],
    ['(a)?(?(1)b|c)', 'conditional (?(...)...) is not supported (it needs backtracking)'],
    ['(?L)a', 'the LOCALE flag (?L) is not supported (it is for bytes patterns)'],
    ['\\N{EM DASH}', 'named Unicode escapes \\N{...} are not supported; write the character or \\uXXXX'],
    ['(?:a{100}){100}', 'the pattern is too large: it compiles to 10003 instructions, more than 2000 (counted repetition {m,n} repeats its operand)'],
  ])('refuses %s at boot, naming the rule path and the construct', (pattern, reason) => {
    expect(problemsOf(() => compileTransformations([{ path: 'models.x.transformations', rules: [replace('r0', 'ok', ''), replace('linear', pattern, '')] }]))).toEqual([
      { path: 'models.x.transformations[1].pattern', message: `invalid regex in rule 'linear': ${reason}` },
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
      { path: 'transformations[2].path', message: "invalid JSONPath in rule 'filter': invalid filter [?(@.role ==)]: expected a value at the end" },
      { path: 'models.m.transformations[0].path', message: "unsupported JSONPath in rule 'root': the root '$' cannot be replaced" },
      { path: 'models.m.transformations[1].path', message: "unsupported JSONPath in rule 'ends-in-wildcard': a jsonpath_add path must end in a name or an index" },
      { path: 'models.m.transformations[2].path', message: "unsupported JSONPath in rule 'descendant': a jsonpath_add path cannot end in a descendant (..) step" },
      { path: 'models.m.transformations[3].path', message: "unsupported JSONPath in rule 'parent': the parent selector ^ is not supported in jsonpath_add" },
      { path: 'models.m.transformations[4].value', message: "value in rule 'date' is not JSON (plain objects, arrays, strings, finite numbers, booleans, null)" },
    ]);
  });
});
