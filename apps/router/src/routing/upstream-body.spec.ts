import { describe, expect, it } from '@jest/globals';
import { compileTransformations } from '@llm-router/transforms';
import { upstreamBody } from './upstream-body.js';

const upstream = compileTransformations(
  [{ path: 'transformations', rules: [{ name: 'ctx', type: 'jsonpath_add', enabled: true, path: '$.options.num_ctx', value: 32768, stage: 'upstream' }] }],
  { stage: 'upstream' },
);
const none = compileTransformations([], { stage: 'upstream' });

describe('upstreamBody', () => {
  it('applies the upstream-stage rules to the body as sent', () => {
    const body = { model: 'llama3.2', messages: [], options: { temperature: 0.2 } };
    expect(JSON.parse(upstreamBody(body, upstream).toString('utf8'))).toEqual({ model: 'llama3.2', messages: [], options: { temperature: 0.2, num_ctx: 32768 } });
  });

  it('never edits the object it was given (an encoded body may share objects with the IR or an encoder)', () => {
    const shared = Object.freeze({ temperature: 0.2 });
    const body = { model: 'llama3.2', options: shared };
    upstreamBody(body, upstream);
    expect(body).toEqual({ model: 'llama3.2', options: { temperature: 0.2 } });
  });

  it('without rules, is the body serialised once', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(upstreamBody(body, none).toString('utf8')).toBe(JSON.stringify(body));
  });
});
