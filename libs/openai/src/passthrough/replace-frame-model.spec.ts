import { describe, expect, it } from '@jest/globals';
import { SseParser } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import { isDoneFrame } from './is-done-frame.js';
import { replaceFrameModel } from './replace-frame-model.js';

const frames = (name: string) =>
  new SseParser().push(readFileSync(new URL(`../../../testing/fixtures/${name}`, import.meta.url)));

const UPSTREAM_MODEL = '"model":"gpt-4.1-mini-2025-04-14"';

describe('replaceFrameModel', () => {
  it.each(['openai-chat/basic.stream.sse', 'openai-chat/tools.stream.sse'])(
    'replaces the model in every chunk of %s and changes nothing else',
    (name) => {
      const upstream = frames(name);
      for (const frame of upstream) {
        const out = replaceFrameModel(frame, 'my-alias');
        if (frame.data === '[DONE]') {
          expect(out).toBe(frame.raw);
          continue;
        }
        expect(out).toBe(frame.raw.replace(UPSTREAM_MODEL, '"model":"my-alias"'));
        expect(out).not.toBe(frame.raw);
        const parsed = JSON.parse(out.slice('data: '.length));
        expect(parsed.model).toBe('my-alias');
        expect({ ...parsed, model: 'x' }).toEqual({ ...JSON.parse(frame.data), model: 'x' });
      }
    },
  );

  it('keeps the tool-call arguments of the tools fixture byte-identical', () => {
    const upstream = frames('openai-chat/tools.stream.sse');
    const out = upstream.map((frame) => replaceFrameModel(frame, 'alias')).join('');
    const original = upstream.map((frame) => frame.raw).join('');
    expect(out.replaceAll('"model":"alias"', UPSTREAM_MODEL)).toBe(original);
  });

  it('JSON-escapes a model name with quotes, backslashes and $ patterns', () => {
    const [frame] = frames('openai-chat/basic.stream.sse');
    const model = 'we"ird\\name $& $1';
    const out = replaceFrameModel(frame!, model);
    expect(JSON.parse(out.slice('data: '.length)).model).toBe(model);
  });

  it('replaces only the top-level model, not an escaped "model" inside content', () => {
    const data = '{"id":"x","model" : "up\\"stream","choices":[{"delta":{"content":"{\\"model\\":\\"inner\\"}"}}]}';
    const out = replaceFrameModel({ data, raw: `data: ${data}\n\n` }, 'client');
    expect(out).toBe('data: {"id":"x","model" : "client","choices":[{"delta":{"content":"{\\"model\\":\\"inner\\"}"}}]}\n\n');
  });

  it('returns the raw frame itself for [DONE], frames without a model and frames already naming the client model', () => {
    const done = { data: '[DONE]', raw: 'data: [DONE]\n\n' };
    expect(replaceFrameModel(done, 'm')).toBe(done.raw);
    const error = { data: '{"error":{"message":"x"}}', raw: 'data: {"error":{"message":"x"}}\n\n' };
    expect(replaceFrameModel(error, 'm')).toBe(error.raw);
    const same = { data: '{"model":"m"}', raw: 'data: {"model":"m"}\n\n' };
    expect(replaceFrameModel(same, 'm')).toBe(same.raw);
  });
});

describe('isDoneFrame', () => {
  it('is true only for [DONE]', () => {
    expect(isDoneFrame({ data: '[DONE]' })).toBe(true);
    expect(isDoneFrame({ data: '{"choices":[]}' })).toBe(false);
    expect(isDoneFrame({ data: '[DONE] ' })).toBe(false);
  });
});
