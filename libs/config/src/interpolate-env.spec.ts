import { describe, expect, it } from '@jest/globals';
import { interpolateEnv } from './interpolate-env.js';

describe('interpolateEnv', () => {
  const env = { KEY: 'sk-123', EMPTY: '', HOST: 'example.com' };

  it('substitutes ${VAR} anywhere inside string scalars, in maps and lists', () => {
    const tree = { a: 'Bearer ${KEY}', list: ['https://${HOST}/v1', 'x${KEY}y${KEY}'], n: 5, b: true, nil: null };
    expect(interpolateEnv(tree, env)).toEqual({
      value: { a: 'Bearer sk-123', list: ['https://example.com/v1', 'xsk-123ysk-123'], n: 5, b: true, nil: null },
      problems: [],
    });
  });

  it('uses ${VAR:-default} when VAR is unset or empty, and VAR otherwise', () => {
    const { value, problems } = interpolateEnv({ unset: '${NOPE:-d1}', empty: '${EMPTY:-d2}', set: '${KEY:-d3}', blank: '${NOPE:-}' }, env);
    expect(value).toEqual({ unset: 'd1', empty: 'd2', set: 'sk-123', blank: '' });
    expect(problems).toEqual([]);
  });

  it('substitutes a set-but-empty ${VAR} with the empty string', () => {
    expect(interpolateEnv({ a: '<${EMPTY}>' }, env).value).toEqual({ a: '<>' });
  });

  it('reports an unset ${VAR} at the value path and keeps the reference', () => {
    const { value, problems } = interpolateEnv({ models: { 'gpt-4': { api_key: '${OPENAI_API_KEY}' } }, list: ['ok', '${MISSING}'] }, env);
    expect(problems).toEqual([
      { path: 'models.gpt-4.api_key', message: 'environment variable OPENAI_API_KEY is not set (use ${OPENAI_API_KEY:-} to allow empty)' },
      { path: 'list[1]', message: 'environment variable MISSING is not set (use ${MISSING:-} to allow empty)' },
    ]);
    expect(value).toEqual({ models: { 'gpt-4': { api_key: '${OPENAI_API_KEY}' } }, list: ['ok', '${MISSING}'] });
  });

  it('turns $${ into a literal ${ without substituting', () => {
    expect(interpolateEnv({ a: 'cost $${KEY} and ${KEY}', b: '$$${KEY}', c: '$5 and $$' }, env)).toEqual({
      value: { a: 'cost ${KEY} and sk-123', b: '$${KEY}', c: '$5 and $$' },
      problems: [],
    });
  });

  it('reports malformed references', () => {
    const { problems } = interpolateEnv({ a: '${not valid}', b: 'open ${KEY' }, env);
    expect(problems.map((p) => p.path)).toEqual(['a', 'b']);
    expect(problems[0]?.message).toBe('malformed variable reference: write ${NAME} or ${NAME:-default}, or $${ for a literal ${');
  });

  it('leaves mapping keys alone and never re-reads substituted text', () => {
    const { value } = interpolateEnv({ '${KEY}': '${INJECT}' }, { KEY: 'k', INJECT: '${KEY}\nevil: true' });
    expect(value).toEqual({ '${KEY}': '${KEY}\nevil: true' });
  });

  it('does not modify its input', () => {
    const tree = { a: ['${KEY}'] };
    interpolateEnv(tree, env);
    expect(tree).toEqual({ a: ['${KEY}'] });
  });
});
