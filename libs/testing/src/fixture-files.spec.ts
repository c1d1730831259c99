import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fixturePath, readFixture, readFixtureJson } from './fixture-files.js';
import { editSseFrames, readSseFixtureFrames } from './sse-fixture-frames.js';

describe('fixture files', () => {
  it('resolves a fixture to an absolute path inside libs/testing/fixtures', () => {
    const path = fixturePath('openai-chat/basic.stream.sse');
    expect(isAbsolute(path)).toBe(true);
    expect(path.endsWith('libs/testing/fixtures/openai-chat/basic.stream.sse')).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('refuses paths outside the folder and missing files', () => {
    expect(() => fixturePath('../package.json')).toThrow('escapes the fixtures folder');
    expect(() => fixturePath('openai-chat/nope.json')).toThrow('no such fixture: openai-chat/nope.json');
  });

  it('reads bytes and JSON', () => {
    expect(readFixture('anthropic/count_tokens.response.json')).toBeInstanceOf(Buffer);
    expect(readFixtureJson<{ input_tokens: number }>('anthropic/count_tokens.response.json')).toEqual({ input_tokens: 412 });
  });

  const sseFixtures = ['anthropic', 'openai-chat', 'openai-completions'].flatMap((family) =>
    readdirSync(fixturePath(family))
      .filter((name) => name.endsWith('.sse'))
      .map((name) => `${family}/${name}`),
  );

  it.each(sseFixtures)('splits %s into frames that join back to the exact bytes, also after an identity edit', (name) => {
    const bytes = readFileSync(fixturePath(name), 'utf8');
    const frames = readSseFixtureFrames(name);
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.join('')).toBe(bytes);
    expect(editSseFrames(frames, () => true).join('')).toBe(bytes);
  });
});
