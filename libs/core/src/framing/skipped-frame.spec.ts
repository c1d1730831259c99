import { describe, expect, it } from '@jest/globals';
import { describeSkippedFrame, isJsonObjectText } from './skipped-frame.js';

describe('isJsonObjectText', () => {
  it.each([
    ['{"a":1}', true],
    ['  {"choices":[]}\n', true],
    ['{not json', false],
    ['{"a":1,,}', false],
    ['{invalid json}', false],
    ['[1,2]', false],
    ['42', false],
    ['"text"', false],
    ['null', false],
    ['', false],
    ['[DONE]', false],
  ])('%j -> %s', (text, expected) => {
    expect(isJsonObjectText(text)).toBe(expected);
  });

  it('says false, never throws, for absurd nesting', () => {
    expect(isJsonObjectText(`{"a":${'['.repeat(200_000)}`)).toBe(false);
  });
});

describe('describeSkippedFrame', () => {
  it('names the frame and quotes a single-line snippet of its start', () => {
    expect(describeSkippedFrame('openai: stream chunk', '{"choices":\n[{"delta"')).toBe('openai: stream chunk that is not a JSON object skipped: "{\\"choices\\": [{\\"delta\\""');
  });

  it('cuts long frames to 80 characters', () => {
    const description = describeSkippedFrame('frame', 'x'.repeat(10_000));
    expect(description).toContain(`"${'x'.repeat(79)}…"`);
    expect(description.length).toBeLessThan(140);
  });
});
