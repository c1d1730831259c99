import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH, RouterError } from '@llm-router/core';
import { JSONPath } from 'jsonpath-plus';
import { applyTransformations } from './apply-transformations.js';
import { compileTransformations } from './compile-transformations.js';
import type { TransformationRule } from './transformation-rule.js';

type Body = Record<string, unknown>;

function openAiToolsBody(): Body {
  return {
    model: 'gpt-4.1-mini',
    stream: false,
    temperature: 0.2,
    user: 'alice@example.com',
    messages: [
      { role: 'system', content: 'You are a weather assistant. Escalate to ops@example.com.' },
      { role: 'user', content: 'Weather in Paris? Reply to Alice@Example.com' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris", "notify": "bob@example.com"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '{"temp_c":11}' }] },
      { role: 'system', content: 'Second system prompt.' },
    ],
    metadata: { 'owner@example.com': 'key, not value' },
  };
}

function anthropicBody(): Body {
  return {
    model: 'claude-haiku-4-5',
    max_tokens: 1024,
    system: [{ type: 'text', text: 'You are a concise assistant.', cache_control: { type: 'ephemeral' } }],
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'Fun fact?', cache_control: { type: 'ephemeral' } }] },
      { role: 'assistant', content: 'Octopuses have three hearts.' },
      { role: 'user', content: 'Another one.' },
    ],
    stop_sequences: ['\n\nHuman:'],
    metadata: { user_id: 'user-4f2a9c' },
  };
}

function openAiVisionBody(): Body {
  return {
    model: 'gpt-4.1-mini',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare these images.' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          { type: 'text', text: 'One sentence.' },
        ],
      },
    ],
  };
}

function run(body: Body, ...rules: Array<Omit<TransformationRule, 'enabled'>>): Body {
  applyTransformations(body, compileTransformations([{ path: 'transformations', rules: rules.map((rule) => ({ enabled: true, ...rule })) }]));
  return body;
}

const EMAIL = '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}';

describe('applyTransformations: regex_replace', () => {
  it('replaces every occurrence in every string value, at any depth, but never keys or non-strings', () => {
    const body = run(openAiToolsBody(), { name: 'redact-emails', type: 'regex_replace', pattern: EMAIL, replacement: '<email>', flags: ['IGNORECASE'] });
    expect(body.user).toBe('<email>');
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are a weather assistant. Escalate to <email>.' },
      { role: 'user', content: 'Weather in Paris? Reply to <email>' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris", "notify": "<email>"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '{"temp_c":11}' }] },
      { role: 'system', content: 'Second system prompt.' },
    ]);
    expect(body.metadata).toEqual({ 'owner@example.com': 'key, not value' });
    expect(body.temperature).toBe(0.2);
    expect(body.stream).toBe(false);
  });

  it('is case-sensitive without IGNORECASE', () => {
    const body = run(openAiToolsBody(), { name: 'r', type: 'regex_replace', pattern: EMAIL, replacement: '<email>' });
    expect((body.messages as Body[])[1]?.content).toBe('Weather in Paris? Reply to Alice@Example.com');
  });

  it('honours MULTILINE and DOTALL', () => {
    const multiline = run({ prompt: 'a: 1\nb: 2' }, { name: 'm', type: 'regex_replace', pattern: '^(\\w+):', replacement: '[\\1]', flags: ['MULTILINE'] });
    expect(multiline.prompt).toBe('[a] 1\n[b] 2');
    const dotall = run({ prompt: '<x>\nsecret\n</x> kept' }, { name: 's', type: 'regex_replace', pattern: '<x>.*</x>', replacement: '', flags: ['s'] });
    expect(dotall.prompt).toBe(' kept');
    const neither = run({ prompt: '<x>\nsecret\n</x>' }, { name: 'n', type: 'regex_replace', pattern: '<x>.*</x>', replacement: '' });
    expect(neither.prompt).toBe('<x>\nsecret\n</x>');
  });

  it('takes Python group references (named, numbered, whole match)', () => {
    const body = run(
      { a: 'alice@example.com', b: 'bob@example.org' },
      { name: 'py', type: 'regex_replace', pattern: '(?P<user>\\w+)@(\\w+)\\.com', replacement: '\\g<user> at \\2' },
      { name: 'whole', type: 'regex_replace', pattern: '(\\w+)@(\\w+)\\.org', replacement: '\\2:\\g<1> (\\g<0>)' },
    );
    expect(body).toEqual({ a: 'alice at example', b: 'example:bob (bob@example.org)' });
  });
});

describe('applyTransformations: the seed (Python service) rules', () => {
  it('redacts Unicode e-mail addresses with the seed rule', () => {
    const body = run(
      { messages: [{ role: 'user', content: 'Escribe a josé.garcía@empresa.es, oder jürgen@müller.de.' }] },
      { name: 'redact-email', type: 'regex_replace', pattern: '\\b[\\w.-]+@[\\w.-]+\\.\\w+\\b', replacement: '[EMAIL]' },
    );
    expect(body).toEqual({ messages: [{ role: 'user', content: 'Escribe a [EMAIL], oder [EMAIL].' }] });
  });

  it("drops only the system messages with the seed's $.messages[?(@.role='system')]", () => {
    const body = run(openAiToolsBody(), { name: 'no-system', type: 'jsonpath_drop', path: "$.messages[?(@.role='system')]" });
    expect((body.messages as Body[]).map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
  });
});

describe('applyTransformations: bounded work', () => {
  it('refuses a body deeper than MAX_JSON_DEPTH with a 400 before any rule walks it', () => {
    let deep: Body = { content: 'x' };
    for (let level = 0; level < MAX_JSON_DEPTH + 10; level += 1) deep = { nested: deep };
    const compiled = compileTransformations([{ path: 't', rules: [{ name: 'd', type: 'jsonpath_drop', enabled: true, path: '$..content' }] }]);
    expect(() => applyTransformations(deep, compiled)).toThrow(RouterError);
    expect(() => applyTransformations(deep, compiled)).toThrow(`nests deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('walks a body just within the bound, strings included', () => {
    let deep: Body = { content: 'secret' };
    for (let level = 0; level < MAX_JSON_DEPTH - 2; level += 1) deep = { nested: deep };
    run(deep, { name: 'r', type: 'regex_replace', pattern: 'secret', replacement: 'x' });
    expect(JSON.stringify(deep)).toContain('"content":"x"');
  });

  it('answers a string a rule would rescan too often with a 400 naming the rule', () => {
    const compiled = compileTransformations([{ path: 't', rules: [{ name: 'rescans', type: 'regex_replace', enabled: true, pattern: 'a.*b|a', replacement: 'x' }] }]);
    let error: unknown;
    try {
      applyTransformations({ prompt: 'a'.repeat(5_000) }, compiled);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RouterError);
    expect(error).toMatchObject({ status: 400, code: 'transformation_too_costly', message: expect.stringContaining("rule 'rescans'") as unknown });
  });

  it('shares one step budget across every string and rule of a request', () => {
    const rules = [{ name: 'emails', type: 'regex_replace' as const, enabled: true, pattern: '[\\w.]+@[\\w.]+', replacement: '[email]' }];
    const prose = () => ({ messages: Array.from({ length: 20 }, (_, i) => ({ role: 'user', content: `${'word '.repeat(2_000)} user${i}@example.com` })) });
    // Each string alone is far within its own bound; together they need more than 200k steps.
    const unbounded = prose();
    applyTransformations(unbounded, compileTransformations([{ path: 't', rules }]));
    expect(JSON.stringify(unbounded)).toContain('[email]');
    const roomy = prose();
    applyTransformations(roomy, compileTransformations([{ path: 't', rules }], { stepBudget: 50_000_000 }));
    expect(roomy).toEqual(unbounded);
    let error: unknown;
    try {
      applyTransformations(prose(), compileTransformations([{ path: 't', rules }], { stepBudget: 200_000 }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ status: 400, code: 'transformation_too_costly', message: expect.stringContaining('server.transform_step_budget: 200000 steps') as unknown });
  });
});

describe('applyTransformations: jsonpath_drop', () => {
  it('splices every matching array element, highest index first', () => {
    const body = run(openAiToolsBody(), { name: 'no-system', type: 'jsonpath_drop', path: "$.messages[?(@.role == 'system')]" });
    expect((body.messages as Body[]).map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
  });

  it('removes matched elements of several arrays at once', () => {
    const body = run(openAiVisionBody(), { name: 'no-images', type: 'jsonpath_drop', path: "$.messages[*].content[?(@.type == 'image_url')]" });
    expect((body.messages as Body[])[0]?.content).toEqual([
      { type: 'text', text: 'Compare these images.' },
      { type: 'text', text: 'One sentence.' },
    ]);
  });

  it('deletes properties, at one path or everywhere with ..', () => {
    const body = run(
      anthropicBody(),
      { name: 'no-user', type: 'jsonpath_drop', path: '$.metadata.user_id' },
      { name: 'no-cache', type: 'jsonpath_drop', path: '$..cache_control' },
    );
    expect(body.metadata).toEqual({});
    expect(body.system).toEqual([{ type: 'text', text: 'You are a concise assistant.' }]);
    expect((body.messages as Body[])[0]).toEqual({ role: 'user', content: [{ type: 'text', text: 'Fun fact?' }] });
  });

  it('drops by index, slice and union', () => {
    const messages = (body: Body) => (body.messages as Body[]).map((message) => message.content);
    expect(messages(run(anthropicBody(), { name: 'i', type: 'jsonpath_drop', path: '$.messages[0]' }))).toEqual(['Octopuses have three hearts.', 'Another one.']);
    expect(messages(run(anthropicBody(), { name: 's', type: 'jsonpath_drop', path: '$.messages[-2:]' }))).toHaveLength(1);
    expect(messages(run(anthropicBody(), { name: 'u', type: 'jsonpath_drop', path: '$.messages[0,2]' }))).toEqual(['Octopuses have three hearts.']);
  });

  it('ignores nodes a filter throws on and paths that match nothing', () => {
    // Only the assistant message has tool_calls: on the others `@.tool_calls[0]` throws.
    const body = run(
      openAiToolsBody(),
      { name: 'calls', type: 'jsonpath_drop', path: "$.messages[?(@.tool_calls[0].id == 'call_1')]" },
      { name: 'absent', type: 'jsonpath_drop', path: '$.tools[*].function.strict' },
    );
    expect((body.messages as Body[]).map((message) => message.role)).toEqual(['system', 'user', 'tool', 'system']);
    expect(body).not.toHaveProperty('tools');
  });

  it('can drop a whole array through the parent selector', () => {
    const body = run(anthropicBody(), { name: 'p', type: 'jsonpath_drop', path: "$.stop_sequences[?(@ == '\\n\\nHuman:')]^" });
    expect(body).not.toHaveProperty('stop_sequences');
  });
});

describe('applyTransformations: jsonpath_add', () => {
  it('sets a value at an existing parent, overwriting an existing value', () => {
    const body = run(anthropicBody(), { name: 'u', type: 'jsonpath_add', path: '$.metadata.user_id', value: 'router' });
    expect(body.metadata).toEqual({ user_id: 'router' });
  });

  it('creates missing intermediate objects for a plain path', () => {
    const body = run(openAiVisionBody(), { name: 'usage', type: 'jsonpath_add', path: "$.stream_options['include_usage']", value: true });
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it('creates an array when the next step is an index', () => {
    const body = run(openAiVisionBody(), { name: 'stop', type: 'jsonpath_add', path: '$.stop[0]', value: 'END' });
    expect(body.stop).toEqual(['END']);
  });

  it('sets an index inside an existing array, appending at its length, never beyond', () => {
    expect(run(anthropicBody(), { name: 'a', type: 'jsonpath_add', path: '$.stop_sequences[0]', value: 'X' }).stop_sequences).toEqual(['X']);
    expect(run(anthropicBody(), { name: 'b', type: 'jsonpath_add', path: '$.stop_sequences[1]', value: 'Y' }).stop_sequences).toEqual(['\n\nHuman:', 'Y']);
    expect(run(anthropicBody(), { name: 'c', type: 'jsonpath_add', path: '$.stop_sequences[5]', value: 'Z' }).stop_sequences).toEqual(['\n\nHuman:']);
  });

  it('never overwrites a scalar or null intermediate, nor sets a name on an array', () => {
    const body = openAiToolsBody();
    const before = structuredClone(body);
    run(
      body,
      { name: 'scalar', type: 'jsonpath_add', path: '$.model.family', value: 'x' },
      { name: 'null', type: 'jsonpath_add', path: '$.messages[2].content.text', value: 'x' },
      { name: 'array-name', type: 'jsonpath_add', path: '$.messages.first', value: 'x' },
    );
    expect(body).toEqual(before);
  });

  it('sets the last step on every parent a wildcard or filter matches', () => {
    const body = run(
      anthropicBody(),
      { name: 'all', type: 'jsonpath_add', path: '$.messages[*].meta', value: { source: 'router' } },
      { name: 'users', type: 'jsonpath_add', path: "$.messages[?(@.role == 'user')].name", value: 'alice' },
    );
    expect((body.messages as Body[]).map((message) => [message.meta, message.name])).toEqual([
      [{ source: 'router' }, 'alice'],
      [{ source: 'router' }, undefined],
      [{ source: 'router' }, 'alice'],
    ]);
  });

  it('does not create parents for a wildcard path', () => {
    const body = run(anthropicBody(), { name: 'none', type: 'jsonpath_add', path: '$.tools[*].cache_control', value: { type: 'ephemeral' } });
    expect(body).not.toHaveProperty('tools');
  });

  it('deep-clones the value per application: no two nodes, bodies or the config share it', () => {
    const value = { tags: ['a'] };
    const compiled = compileTransformations([{ path: 't', rules: [{ name: 'm', type: 'jsonpath_add', enabled: true, path: '$.messages[*].meta', value }] }]);
    const first = anthropicBody();
    const second = anthropicBody();
    applyTransformations(first, compiled);
    applyTransformations(second, compiled);
    const [a, b] = first.messages as Array<{ meta: { tags: string[] } }>;
    a?.meta.tags.push('mutated');
    expect(b?.meta.tags).toEqual(['a']);
    expect((second.messages as Array<{ meta: { tags: string[] } }>)[0]?.meta.tags).toEqual(['a']);
    expect(value).toEqual({ tags: ['a'] });
    expect(a?.meta).not.toBe(value);
  });

  it('treats a __proto__ key as an ordinary property', () => {
    const body = run({ model: 'm' }, { name: 'p', type: 'jsonpath_add', path: '$.__proto__.polluted', value: true });
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(({} as Body).polluted).toBeUndefined();
    expect(JSON.stringify(body)).toBe('{"model":"m","__proto__":{"polluted":true}}');
  });
});

describe('applyTransformations: ordering and layering', () => {
  it('applies rules in order: add then drop removes, drop then add keeps', () => {
    const add = { name: 'add', type: 'jsonpath_add', path: '$.metadata.team', value: 'ml' } as const;
    const drop = { name: 'drop', type: 'jsonpath_drop', path: '$.metadata.team' } as const;
    expect(run(anthropicBody(), add, drop).metadata).toEqual({ user_id: 'user-4f2a9c' });
    expect(run(anthropicBody(), drop, add).metadata).toEqual({ user_id: 'user-4f2a9c', team: 'ml' });
  });

  it('lets a later regex rewrite a value an earlier rule added', () => {
    const body = run(
      anthropicBody(),
      { name: 'add', type: 'jsonpath_add', path: '$.metadata.contact', value: 'ops@example.com' },
      { name: 'redact', type: 'regex_replace', pattern: EMAIL, replacement: '<email>' },
    );
    expect(body.metadata).toEqual({ user_id: 'user-4f2a9c', contact: '<email>' });
  });

  it('runs the global layer before the model layer and skips disabled rules', () => {
    const compiled = compileTransformations([
      {
        path: 'transformations',
        rules: [
          { name: 'g', type: 'regex_replace', enabled: true, pattern: 'Octopuses', replacement: 'Squids' },
          { name: 'off', type: 'jsonpath_drop', enabled: false, path: '$.messages' },
        ],
      },
      { path: 'models.claude.transformations', rules: [{ name: 'm', type: 'regex_replace', enabled: true, pattern: 'Squids', replacement: 'Cuttlefish' }] },
    ]);
    const body = anthropicBody();
    applyTransformations(body, compiled);
    expect((body.messages as Body[])[1]?.content).toBe('Cuttlefish have three hearts.');
  });

  it('leaves the body valid JSON and is a no-op with no rules', () => {
    const body = run(
      openAiToolsBody(),
      { name: 'a', type: 'regex_replace', pattern: '"', replacement: "'" },
      { name: 'b', type: 'jsonpath_drop', path: '$.messages[?(@.role == "tool")]' },
      { name: 'c', type: 'jsonpath_add', path: '$.metadata.nested', value: { list: [1, null, 'x'] } },
    );
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    const untouched = openAiToolsBody();
    applyTransformations(untouched, compileTransformations([]));
    expect(untouched).toEqual(openAiToolsBody());
  });
});

describe('applyTransformations: cost per request', () => {
  it('parses no JSONPath or filter script: everything was parsed into jsonpath-plus caches at compile time', () => {
    const compiled = compileTransformations([
      {
        path: 'transformations',
        rules: [
          { name: 'd', type: 'jsonpath_drop', enabled: true, path: "$.messages[?(@.role == 'system' && @.content != 'keep')]" },
          { name: 'a', type: 'jsonpath_add', enabled: true, path: "$.messages[?(@.role == 'user' && @.content != 'x')].name", value: 'alice' },
        ],
      },
    ]);
    const cached = Object.keys(JSONPath.cache as Record<string, unknown>).length;
    const body = openAiToolsBody();
    applyTransformations(body, compiled);
    expect((body.messages as Body[]).map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect((body.messages as Body[])[0]?.name).toBe('alice');
    expect(Object.keys(JSONPath.cache as Record<string, unknown>)).toHaveLength(cached);
  });
});
